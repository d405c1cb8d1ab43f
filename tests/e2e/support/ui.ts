import { expect, type Browser, type Page } from '@playwright/test';

/**
 * The steps every e2e scenario takes through the real UI, by role and label as a screen reader
 * would: open a terminal, move between screens, register, sign in and out.
 */
export async function openTerminal(browser: Browser, url: string, viewport = { width: 1360, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

export async function go(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: screen, exact: true })).toBeVisible();
}

/** Fills and sends the sign-in form; what follows (the app, an MFA step, an error) is the caller's to check. */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in to Atlas' })).toBeVisible();
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Atlas' })).toBeVisible();
}

/** Registers a new company from the sign-in screen; its creator lands on Stock as the administrator. */
export async function registerCompany(page: Page, admin: { company: string; name: string; email: string; password: string }): Promise<void> {
  await page.getByRole('button', { name: 'Register a new company' }).click();
  await page.getByLabel('Company name').fill(admin.company);
  await page.getByLabel('Your full name').fill(admin.name);
  await page.getByLabel('Work email').fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByLabel('Confirm password').fill(admin.password);
  await page.getByRole('button', { name: 'Create company account' }).click();
  await expect(page.getByRole('heading', { name: 'Stock', exact: true })).toBeVisible();
}
