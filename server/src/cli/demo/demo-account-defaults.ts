/** The demo sign-in, printed at the end of `atlas demo seed` so a person can use it. */
export interface DemoAccount {
  companyName: string;
  name: string;
  email: string;
  password: string;
}

export const DEMO_ACCOUNT: DemoAccount = {
  companyName: 'Atlas Demo Pharma Distribution',
  name: 'Demo Admin',
  email: 'demo@atlas.example',
  password: 'welcome to the atlas demo',
};
