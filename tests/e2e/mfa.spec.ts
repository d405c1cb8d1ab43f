import { expect, test, type Page } from '@playwright/test';
import { base32Decode } from '../../server/src/services/security/base32';
import { timeStep, totp } from '../../server/src/services/security/totp';
import { OsKeychain } from '../../src-main/core/keystore/os-keychain';
import { harnessPerFile, MANY_SIGN_INS } from './support/harness-per-file';
import { addMembers } from './support/server-api';
import { go, openTerminal, registerCompany, signIn, signOut } from './support/ui';
import { shots } from './support/shell-url';

/**
 * Issue 6, end to end: an administrator enrols in TOTP MFA by reading the key shown on the page
 * (as a person types it into an authenticator app), computes codes here with the server's own
 * RFC 6238 implementation, signs in with the MFA step and "trust this computer", comes back
 * without a code; requires MFA for the company, so a colleague must enrol at sign-in; and five
 * wrong codes lock the step with a countdown. Self-contained: its own server and two terminals.
 */

const run = Date.now().toString(36);
const admin = { company: 'Lindqvist Pharma Logistics AB', name: 'Sofia Lindqvist', email: `sofia.${run}@lindqvist-pharma.example`, password: 'two factors beat one' };
const colleague = { name: 'Kai Brenner', email: `kai.${run}@lindqvist-pharma.example`, password: 'scan, pick, ship, repeat', role: 'warehouse' as const };

// The MFA lockout under test is per user, so lifting the per-IP sign-in limit leaves it as shipped.
const harness = harnessPerFile(MANY_SIGN_INS, (h) => {
  for (const t of h.terminals) for (const email of [admin.email, colleague.email]) new OsKeychain(t.keychain).delete(trustedEntry(email));
});

const trustedEntry = (email: string) => `trusted-device:${harness().serverUrl}:${email}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Signed in: the app shell with its main navigation (the screen is whichever the address holds). */
async function expectSignedIn(page: Page): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** The key as shown for manual entry ("ABCD EFGH …"), read off the page. */
async function readSecret(page: Page): Promise<Uint8Array> {
  const shown = (await page.getByTestId('mfa-secret').textContent()) ?? '';
  expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  return base32Decode(shown);
}

/**
 * A code for a time step after `usedStep`: the server accepts each step once only (RFC 6238
 * §5.2), so a second sign-in within the same 30 seconds must wait for the next step.
 */
async function codeAfter(secret: Uint8Array, usedStep: number): Promise<{ code: string; step: number }> {
  while (timeStep(nowSeconds()) <= usedStep) await new Promise((r) => setTimeout(r, 500));
  const now = nowSeconds();
  return { code: totp(secret, now), step: timeStep(now) };
}

/** A 6-digit code that is valid for none of the steps the server would accept now. */
function wrongCode(secret: Uint8Array): string {
  const now = nowSeconds();
  const valid = new Set([-30, 0, 30].map((d) => totp(secret, now + d)));
  for (let n = 100_000; ; n += 7919) if (!valid.has(String(n))) return String(n);
}

test('TOTP enrolment, a sign-in with the MFA step, a trusted computer, required MFA and the lockout', async ({ browser }) => {
  test.setTimeout(420_000);
  const h = harness();
  const [terminalA, terminalB] = h.terminals;
  const a = await openTerminal(browser, terminalA.url);

  // Register; the administrator adds a colleague (before MFA applies to the administrator).
  await registerCompany(a, admin);
  await addMembers(h.serverUrl, admin, [colleague]);

  // My account → set up two-step verification, reading the key shown in the page.
  await go(a, 'My account');
  await expect(a.getByRole('region', { name: /Two-step verification/ }).getByText('Off', { exact: true })).toBeVisible();
  await a.getByRole('button', { name: 'Set up two-step verification' }).click();
  await expect(a.getByRole('img', { name: 'QR code to add Atlas to your authenticator app' })).toBeVisible();
  const qrLoaded = await a.getByTestId('mfa-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  expect(qrLoaded, 'the QR code SVG renders as an image under the CSP').toBe(true);
  const secret = await readSecret(a);
  await a.screenshot({ path: shots('mfa-01-enrolment-qr'), fullPage: true });

  let used = await codeAfter(secret, -1);
  await a.getByLabel('6-digit code').fill(used.code);
  await a.getByRole('button', { name: 'Turn on two-step verification' }).click();
  const codes = a.getByTestId('backup-codes').getByRole('listitem');
  await expect(codes).toHaveCount(10);
  for (const code of await codes.allTextContents()) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}$/);
  await a.screenshot({ path: shots('mfa-02-backup-codes'), fullPage: true });
  await a.getByRole('button', { name: 'I have saved them' }).click();
  await expect(a.getByTestId('backup-codes-left')).toContainText('10 of 10');

  // Sign out and in: the MFA step, with a fresh code and "trust this computer".
  await signOut(a);
  await signIn(a, admin);
  await expect(a.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
  await expect(a.getByLabel('6-digit code')).toBeFocused();
  await a.screenshot({ path: shots('mfa-03-mfa-step'), fullPage: true });
  used = await codeAfter(secret, used.step);
  await a.getByLabel('6-digit code').fill(used.code);
  await a.getByLabel('Trust this computer for 30 days').check();
  await a.getByRole('button', { name: 'Verify' }).click();
  await expectSignedIn(a);
  // The trusted-device token is in this terminal's OS keychain (not the replica, not the page).
  expect(new OsKeychain(terminalA.keychain).get(trustedEntry(admin.email))).toMatch(/^\S{32,}$/);

  // Trusted: the next sign-in on this computer asks for no code.
  await signOut(a);
  await signIn(a, admin);
  await expectSignedIn(a);
  await go(a, 'Stock');
  await go(a, 'My account');
  await expect(a.getByRole('table', { name: 'Trusted computers' }).getByRole('row')).toHaveCount(2);

  // The administrator requires MFA for everyone and invites one more colleague.
  await go(a, 'Team');
  await expect(a.getByRole('cell', { name: colleague.email })).toBeVisible();
  const requireMfa = a.getByLabel('Require MFA for everyone in the company');
  await expect(requireMfa).not.toBeChecked();
  // click, not check(): the box follows the server's answer, a moment after the click.
  await requireMfa.click();
  await expect(requireMfa).toBeChecked();
  await expect(a.getByRole('status').filter({ hasText: 'Two-step verification is now required for everyone.' })).toBeVisible();
  await a.getByLabel('Work email').fill(`lena.${run}@lindqvist-pharma.example`);
  await a.getByLabel('Role', { exact: true }).selectOption({ label: 'Quality assurance' });
  await a.getByRole('button', { name: 'Create invitation' }).click();
  await expect(a.getByTestId('invite-token')).toContainText('shown only now');
  const lenaLink = ((await a.getByTestId('invite-link').textContent()) ?? '').trim();
  await a.screenshot({ path: shots('mfa-04-team'), fullPage: true });

  // The colleague signs in on another computer and must enrol before getting in.
  const b = await openTerminal(browser, terminalB.url);
  await signIn(b, colleague);
  await expect(b.getByRole('heading', { name: 'Set up two-step verification' })).toBeVisible();
  const colleagueSecret = await readSecret(b);
  await b.screenshot({ path: shots('mfa-05-enrolment-required'), fullPage: true });
  const colleagueUsed = await codeAfter(colleagueSecret, -1);
  await b.getByLabel('6-digit code').fill(colleagueUsed.code);
  await b.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(b.getByTestId('backup-codes').getByRole('listitem')).toHaveCount(10);
  await b.getByRole('button', { name: /I have saved my backup codes/ }).click();
  await expect(b.getByRole('heading', { name: 'Stock', exact: true })).toBeVisible();
  // A warehouse member sees neither Team nor Security events.
  const nav = b.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'My account' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Team' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Security events' })).toHaveCount(0);

  // Five wrong codes: the step locks, and the colleague is told how long to wait.
  await signOut(b);
  await signIn(b, colleague);
  await expect(b.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
  const field = b.getByLabel('6-digit code');
  for (let attempt = 1; attempt <= 6 && !(await b.getByTestId('lockout').isVisible()); attempt++) {
    await field.fill(wrongCode(colleagueSecret));
    await b.getByRole('button', { name: 'Verify' }).click();
    // The page clears the field once the server has answered (a refusal or the lockout).
    await expect(field).toHaveValue('');
  }
  const lockout = b.getByTestId('lockout');
  await expect(lockout).toBeVisible();
  await expect(lockout).toContainText(/Try again in [0-5]:[0-5]\d/);
  const first = (await lockout.textContent()) ?? '';
  await expect(lockout).not.toHaveText(first, { timeout: 5_000 });
  await expect(field).toBeDisabled();
  await b.screenshot({ path: shots('mfa-06-lockout'), fullPage: true });

  // Security events: the administrator sees what happened, with IP, user agent and request id.
  await go(a, 'Security events');
  const events = a.getByRole('table', { name: /Security events/ });
  await expect(events.getByRole('row').filter({ hasText: 'Two-step verification set up' }).first()).toBeVisible();
  await expect(events.getByRole('row').filter({ hasText: 'Two-step locked' }).first()).toBeVisible();
  await expect(events.getByRole('row').filter({ hasText: 'Two-step code refused' }).first()).toContainText('127.0.0.1');
  await a.getByLabel('Severity').selectOption('warning');
  await expect(events.getByRole('row').nth(1)).toBeVisible();
  await a.getByLabel('Severity').selectOption('');
  await a.screenshot({ path: shots('mfa-07-security-events'), fullPage: true });

  // New backup codes ask for a current code first (re-authentication before a second-factor
  // change): a wrong one is refused under the field, the right one makes ten new codes.
  await go(a, 'My account');
  await a.getByRole('button', { name: 'Make new backup codes' }).click();
  const current = a.getByLabel('Current 6-digit code');
  await expect(current).toBeFocused();
  await current.fill(wrongCode(secret));
  await a.getByRole('button', { name: 'Make new codes' }).click();
  await expect(a.getByText(/That code is not right/)).toBeVisible();
  await expect(current).toHaveValue('');
  used = await codeAfter(secret, used.step);
  await current.fill(used.code);
  await a.getByRole('button', { name: 'Make new codes' }).click();
  await expect(a.getByTestId('backup-codes').getByRole('listitem')).toHaveCount(10);
  await a.getByRole('button', { name: 'I have saved them' }).click();
  await expect(a.getByTestId('backup-codes-left')).toContainText('10 of 10');

  // The invited QA colleague joins on terminal B with the link: the company requires MFA, so the
  // invitation, like a sign-in, goes on to the enrolment step before the app opens.
  const c = await openTerminal(browser, terminalB.url);
  await c.getByRole('button', { name: 'Join your company' }).click();
  await c.getByLabel('Invitation link or token').fill(lenaLink);
  await c.getByLabel('Your full name').fill('Lena Holm');
  await c.getByLabel('New password').fill('quality before quantity');
  await c.getByLabel('Confirm password').fill('quality before quantity');
  await c.getByRole('button', { name: 'Join and sign in' }).click();
  await expect(c.getByRole('heading', { name: 'Set up two-step verification' })).toBeVisible();
  const lenaSecret = await readSecret(c);
  await c.getByLabel('6-digit code').fill((await codeAfter(lenaSecret, -1)).code);
  await c.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(c.getByTestId('backup-codes').getByRole('listitem')).toHaveCount(10);
  await c.getByRole('button', { name: /I have saved my backup codes/ }).click();
  await expect(c.getByRole('heading', { name: 'Stock', exact: true })).toBeVisible();
  await expect(c.getByRole('banner')).toContainText('Quality assurance');
  await c.screenshot({ path: shots('mfa-08-invited-colleague-enrolled'), fullPage: true });
});
