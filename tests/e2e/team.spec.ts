import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { harnessPerFile, MANY_SIGN_INS } from './support/harness-per-file';
import { go, openTerminal, registerCompany, signIn, signOut } from './support/ui';
import { shots } from './support/shell-url';

/**
 * Issue 6, end to end: an administrator invites a colleague, who joins on another computer with
 * the invitation link (a common password is refused first, beside the field), signs in, edits
 * their phone and downloads their personal data (GDPR Art. 15/20); the administrator fills in
 * the company profile and then erases the colleague's personal data (Art. 17), after which the
 * colleague can no longer sign in. Self-contained: its own server and two terminals.
 */

const run = Date.now().toString(36);
const admin = { company: 'Okafor Wholesale Pharmacy Ltd', name: 'Adaeze Okafor', email: `adaeze.${run}@okafor-wholesale.example`, password: 'licences renew every spring' };
const colleague = { name: 'Tomás Ferreira', email: `tomas.${run}@okafor-wholesale.example`, password: 'cold chain, warm coffee', phone: '+44 20 7946 0321' };
const company = { address: '14 Harbour Road, Bristol BS1 5TY, United Kingdom', licence: 'WDA(H) 12345/6789' };

const harness = harnessPerFile(MANY_SIGN_INS);

test('invite a colleague, join with the link, edit the profile, export and erase personal data', async ({ browser }) => {
  test.setTimeout(300_000);
  const h = harness();
  const [terminalA, terminalB] = h.terminals;
  const a = await openTerminal(browser, terminalA.url);

  // The administrator registers the company and invites a colleague from the Team screen.
  await registerCompany(a, admin);

  await go(a, 'Team');
  await a.getByLabel('Work email').fill(colleague.email);
  await a.getByLabel('Role', { exact: true }).selectOption({ label: 'Warehouse' });
  await a.getByRole('button', { name: 'Create invitation' }).click();
  const invitation = a.getByTestId('invite-token');
  await expect(invitation).toContainText('shown only now');
  await expect(invitation).toContainText('Have an invitation?');
  const link = ((await a.getByTestId('invite-link').textContent()) ?? '').trim();
  const token = ((await a.getByTestId('invite-token-value').textContent()) ?? '').trim();
  expect(link).toBe(`atlas://invite?server=${h.serverUrl}&token=${token}`);
  expect(link).toContain(token);
  await expect(a.getByRole('table', { name: 'Pending invitations' }).getByRole('cell', { name: colleague.email, exact: true })).toBeVisible();
  await invitation.scrollIntoViewIfNeeded();
  await a.screenshot({ path: shots('team-01-invitation') });

  // On terminal B the colleague joins with the link; a common password is refused beside the field.
  const b = await openTerminal(browser, terminalB.url);
  await expect(b.getByRole('heading', { name: 'Sign in to Atlas' })).toBeVisible();
  await b.getByRole('button', { name: 'Join your company' }).click();
  await expect(b.getByRole('heading', { name: 'Join your company on Atlas' })).toBeVisible();
  await b.getByLabel('Invitation link or token').fill(link);
  await b.getByLabel('Your full name').fill(colleague.name);
  await b.getByLabel('New password').fill('Password123!');
  await b.getByLabel('Confirm password').fill('Password123!');
  await b.getByRole('button', { name: 'Join and sign in' }).click();
  const password = b.getByLabel('New password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  // The server's message, tied to the field (aria-describedby), not only in the alert above.
  await expect(password).toHaveAccessibleDescription(/commonly used/i);
  await expect(password).toBeFocused();
  await b.screenshot({ path: shots('team-02-common-password-refused'), fullPage: true });

  await password.fill(colleague.password);
  await b.getByLabel('Confirm password').fill(colleague.password);
  await b.getByRole('button', { name: 'Join and sign in' }).click();
  await expect(b.getByRole('heading', { name: 'Stock', exact: true })).toBeVisible();
  await expect(b.getByRole('banner')).toContainText(colleague.name);

  // The invitation works once; the colleague signs in again with the chosen password.
  await signOut(b);
  await signIn(b, colleague);
  await expect(b.getByRole('navigation', { name: 'Main' })).toBeVisible();

  // My account: the phone is edited and saved; the email is read-only.
  await go(b, 'My account');
  const profile = b.getByRole('region', { name: 'Profile', exact: true });
  await expect(profile.getByLabel('Full name')).toHaveValue(colleague.name);
  await expect(profile.getByLabel('Email')).toHaveValue(colleague.email);
  await expect(profile.getByLabel('Email')).toHaveAttribute('readonly', '');
  await profile.getByLabel('Phone').fill('not a phone');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByLabel('Phone')).toHaveAttribute('aria-invalid', 'true');
  await profile.getByLabel('Phone').fill(colleague.phone);
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByRole('status').filter({ hasText: 'Your profile is saved.' })).toBeVisible();
  await b.reload();
  await expect(b.getByRole('region', { name: 'Profile', exact: true }).getByLabel('Phone')).toHaveValue(colleague.phone);
  await b.screenshot({ path: shots('team-03-my-account-profile') });

  // "Download my personal data": their own email and phone, nobody else's.
  const personal = b.getByRole('region', { name: 'Your personal data' });
  const [download] = await Promise.all([b.waitForEvent('download'), personal.getByRole('button', { name: 'Download my personal data' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const saved = join(h.dir, download.suggestedFilename());
  await download.saveAs(saved);
  const text = readFileSync(saved, 'utf8');
  expect(() => JSON.parse(text) as unknown).not.toThrow();
  expect(text).toContain(colleague.email);
  expect(text).toContain(colleague.phone);
  expect(text).not.toContain(admin.email);
  await expect(personal.getByRole('status')).toContainText('Saved as');
  await personal.scrollIntoViewIfNeeded();
  await b.screenshot({ path: shots('team-04-personal-data') });

  // The administrator fills in the company profile.
  await a.reload();
  await expect(a.getByRole('heading', { level: 1, name: 'Team', exact: true })).toBeVisible();
  const companyCard = a.getByRole('region', { name: 'Company profile' });
  await companyCard.getByLabel('Address').fill(company.address);
  await companyCard.getByLabel('Licence number').fill(company.licence);
  await companyCard.getByRole('button', { name: 'Save company profile' }).click();
  await expect(companyCard.getByRole('status').filter({ hasText: 'The company profile is saved.' })).toBeVisible();
  await a.reload();
  await expect(a.getByRole('region', { name: 'Company profile' }).getByLabel('Licence number')).toHaveValue(company.licence);
  await expect(a.getByRole('region', { name: 'Company profile' }).getByLabel('Address')).toHaveValue(company.address);

  // …and erases the colleague's personal data on their request: a reason is required.
  const members = a.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('cell', { name: colleague.email, exact: true })).toBeVisible();
  await a.getByRole('button', { name: `Erase the personal data of ${colleague.name}` }).click();
  const dialog = a.getByRole('dialog', { name: `Erase the personal data of ${colleague.name}` });
  await expect(dialog).toContainText('21 CFR Part 11');
  await expect(dialog).toContainText('Art. 17(3)(b)');
  await dialog.getByRole('button', { name: 'Erase personal data' }).click();
  await expect(dialog.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Reason').fill(`Erasure request ${run.toUpperCase()} received by e-mail`);
  await a.screenshot({ path: shots('team-05-erase-dialog'), fullPage: true });
  await dialog.getByRole('button', { name: 'Erase personal data' }).click();
  await expect(dialog).toBeHidden();
  await expect(a.getByRole('status').filter({ hasText: `The personal data of ${colleague.name} was erased` })).toBeVisible();
  await expect(members.getByRole('cell', { name: colleague.email, exact: true })).toHaveCount(0);
  await a.screenshot({ path: shots('team-06-erased'), fullPage: true });

  // The colleague's sign-in now fails. (Terminal B may notice the ended session by itself first.)
  await b.reload();
  await b.getByRole('banner').getByRole('button', { name: 'Sign out' }).click({ timeout: 5_000 }).catch(() => undefined);
  await expect(b.getByRole('heading', { name: 'Sign in to Atlas' })).toBeVisible();
  await signIn(b, colleague);
  await expect(b.getByRole('alert')).toBeVisible();
  await expect(b.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await b.screenshot({ path: shots('team-07-erased-sign-in-fails'), fullPage: true });
});
