import { expect, test } from '@playwright/test';
import { shots, url } from './support/shell-url';


const account = {
  company: 'Northwind Pharma Distribution',
  name: 'Dana Whitfield',
  email: `dana.${Date.now()}@northwind-pharma.example`,
  password: 'correct horse battery staple',
};

test.describe.configure({ mode: 'serial' });

test('a person registers a company, lands on the empty stock screen read from the encrypted replica', async ({ page }) => {
  await page.goto(url());
  await expect(page.getByRole('heading', { name: 'Sign in to Atlas' })).toBeVisible();
  // The per-launch token is taken out of the address bar once read.
  expect(page.url()).not.toContain('token=');
  await page.screenshot({ path: shots('01-sign-in'), fullPage: true });

  await page.getByRole('button', { name: 'Register a new company' }).click();
  await expect(page.getByRole('heading', { name: 'Register your company' })).toBeVisible();
  await page.getByLabel('Company name').fill(account.company);
  await page.getByLabel('Your full name').fill(account.name);
  await page.getByLabel('Work email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('Confirm password').fill(account.password);
  await page.screenshot({ path: shots('02-register'), fullPage: true });
  await page.getByRole('button', { name: 'Create company account' }).click();

  await expect(page.getByRole('heading', { name: 'Stock', exact: true })).toBeVisible();
  await expect(page.getByText(account.company).first()).toBeVisible();
  await expect(page.getByText('No stock in this replica yet')).toBeVisible();
  await expect(page.getByText(/Encrypted local replica/)).toBeVisible();
  await page.screenshot({ path: shots('03-stock'), fullPage: true });

  await page.getByTitle('Dark theme').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await page.waitForTimeout(300); // let the colour transition finish before the screenshot
  await page.screenshot({ path: shots('03b-stock-dark'), fullPage: true });
  await page.getByTitle('Light theme').click();
});

test('signing out and back in; a wrong password gets a clear message', async ({ page }) => {
  await page.goto(url());
  await expect(page.getByRole('heading', { name: 'Stock', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Atlas' })).toBeVisible();

  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill('not the right password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/email or password is incorrect/i);
  await page.screenshot({ path: shots('04-wrong-password'), fullPage: true });

  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Stock', exact: true })).toBeVisible();
  await expect(page.getByText(account.name).first()).toBeVisible();
  await page.screenshot({ path: shots('05-signed-in-again'), fullPage: true });
});

test('the desktop router refuses calls without the per-launch token', async ({ request }) => {
  const origin = new URL(url()).origin;
  const res = await request.get(`${origin}/trpc/session.current`);
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ code: 'auth/unauthenticated' });
});
