/** Where e2e screenshots go (looked at by people, kept by CI). */
export const shots = (name: string) => `tests/e2e/results/screenshots/${name}.png`;

/** The app URL global setup started (the browser shell, with its token). */
export const url = () => {
  const value = process.env['ATLAS_E2E_URL'];
  if (!value) throw new Error('ATLAS_E2E_URL is not set: global setup did not start Atlas.');
  return value;
};
