import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pdfToPng } from '../support/pdf-to-png';
import { localDatePlus } from './support/gs1-scans';
import { addMembers, type Member } from './support/server-api';
import { shots } from './support/shell-url';
import { openTerminal, registerCompany } from './support/ui';
import { startSyncHarness, type SyncHarness } from './support/sync-harness';

/**
 * Issue 5's e2e: a QA author creates a Certificate of Analysis and signs it, an administrator
 * reviews it, the author is refused the approval of their own record, and a QA approver on a
 * second terminal approves it with their signing password while the server is STOPPED; when the
 * server is back the signature syncs, the ledger proof verifies in the UI, and the PDF export is
 * rendered to PNG. Self-contained: it starts its own server and two browser-shell terminals.
 */
const stamp = Date.now();
const admin = { company: 'Northwind Pharma Quality', name: 'Amara Okafor', email: `amara.${stamp}@northwind.example`, password: 'reviewer password 2026', signing: 'amara signs with this key' };
const author: Member & { signing: string } = { name: 'Priya Raman', email: `priya.${stamp}@northwind.example`, password: 'author password 2026', role: 'qa', signing: 'priya signing phrase 1' };
const approver: Member & { signing: string } = { name: 'Daniel Weiss', email: `daniel.${stamp}@northwind.example`, password: 'approver password 2026', role: 'qa', signing: 'daniel approves offline' };
const coa = {
  title: 'CoA Amoxicillin 500 mg lot 0042/A',
  product: 'Amoxicillin 500 mg capsules',
  ndc: '67457-153-03',
  lot: '0042/A',
  made: localDatePlus(-30),
  expiry: localDatePlus(700),
  lines: [
    ['Assay', 'HPLC (USP <621>)', '90.0–110.0 %', '99.4 %'],
    ['Dissolution', 'USP <711> apparatus 2', 'Q ≥ 80 % in 30 min', '92 %'],
    ['Water content', 'Karl Fischer (USP <921>)', '≤ 14.5 %', '11.2 %'],
  ],
};

let h: SyncHarness;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  h = await startSyncHarness();
  mkdirSync('tests/e2e/results/screenshots', { recursive: true });
});

test.afterAll(async () => {
  await h?.close();
});

async function signIn(page: Page, who: { name: string; email: string; password: string }): Promise<void> {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The shell opens on the screen last shown (the route lives in the address).
  await expect(page.getByRole('banner').getByText(who.name)).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}

async function openQa(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'QA documents', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'QA documents', exact: true })).toBeVisible();
}

async function createSigningKey(page: Page, password: string): Promise<void> {
  await openQa(page);
  await page.getByRole('link', { name: 'Signing key' }).click();
  await expect(page.getByRole('heading', { name: 'You have no signing key on this computer' })).toBeVisible();
  await page.getByLabel('Signing password', { exact: true }).fill(password);
  await page.getByLabel('Confirm signing password').fill(password);
  await page.getByRole('button', { name: 'Create signing key' }).click();
  await expect(page.getByTestId('my-key-fingerprint')).toHaveText(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
  await expect(page.getByTestId('qa-pending')).toHaveText('All QA changes sent', { timeout: 60_000 });
}

async function openDocument(page: Page): Promise<void> {
  await openQa(page);
  await page.getByRole('link', { name: coa.title }).click({ timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1, name: coa.title })).toBeVisible();
}

async function sign(page: Page, button: string, password: string, screenshot?: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('manifestation-meaning')).toBeVisible();
  await expect(dialog).toContainText('Your signing password is asked at every signature');
  await dialog.getByLabel('Signing password').fill(password);
  if (screenshot) await page.screenshot({ path: shots(screenshot) });
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Signed version 1' })).toBeVisible();
}

test('a CoA is authored, reviewed, approved offline on another terminal, synced, verified and exported', async ({ browser }) => {
  test.setTimeout(480_000);
  const [terminalA, terminalB] = h.terminals;
  const a = await openTerminal(browser, terminalA.url);

  // The administrator registers the company and adds the two QA colleagues on the server.
  await registerCompany(a, admin);
  await addMembers(h.serverUrl, admin, [author, approver]);

  // The QA author signs in on terminal A, creates a signing key and writes the CoA.
  await signOut(a);
  await signIn(a, author);
  await createSigningKey(a, author.signing);
  await a.screenshot({ path: shots('qa-01-signing-key'), fullPage: true });
  await openQa(a);
  await a.getByRole('link', { name: 'New CoA' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'New Certificate of Analysis' })).toBeVisible();
  // Client-side validation with the shared schemas: the message sits beside the field.
  await a.getByLabel('Title').fill(coa.title);
  await a.getByRole('button', { name: 'Save draft' }).click();
  await expect(a.getByText('Some details need fixing')).toBeVisible();
  await expect(a.getByLabel('Product name')).toHaveAttribute('aria-invalid', 'true');
  await a.getByLabel('Product name').fill(coa.product);
  await a.getByLabel('NDC').fill(coa.ndc);
  await a.getByLabel('Lot number').fill(coa.lot);
  await a.getByLabel('Manufacture date').fill(coa.made);
  await a.getByLabel('Expiry date').fill(coa.expiry);
  for (let i = 1; i < coa.lines.length; i++) await a.getByRole('button', { name: 'Add specification line' }).click();
  for (const [i, line] of coa.lines.entries()) {
    const [test_, method, limit, result] = line as [string, string, string, string];
    await a.getByLabel(`Line ${i + 1} test`).fill(test_);
    await a.getByLabel(`Line ${i + 1} method`).fill(method);
    await a.getByLabel(`Line ${i + 1} limit`).fill(limit);
    await a.getByLabel(`Line ${i + 1} result`).fill(result);
  }
  await a.getByLabel('Conclusion (optional)').fill('The lot complies with the specification.');
  await a.screenshot({ path: shots('qa-02-editor'), fullPage: true });
  await a.getByRole('button', { name: 'Save draft' }).click();
  await expect(a.getByRole('heading', { level: 1, name: coa.title })).toBeVisible();
  await expect(a.getByRole('table', { name: 'Specification and results' }).getByRole('row')).toHaveCount(4);

  await sign(a, 'Sign as author', author.signing, 'qa-03-sign-dialog');
  await expect(a.getByTestId('qa-pending')).toHaveText('All QA changes sent', { timeout: 60_000 });

  // The administrator reviews it on the same terminal (a key of their own first).
  await signOut(a);
  await signIn(a, admin);
  await createSigningKey(a, admin.signing);
  await openDocument(a);
  await sign(a, 'Sign as reviewer', admin.signing);
  await expect(a.getByTestId('qa-pending')).toHaveText('All QA changes sent', { timeout: 60_000 });

  // The administrator sets the signature policy: GDP records need only the QA approval from now on.
  await openQa(a);
  await a.getByRole('link', { name: 'Signing key' }).click();
  await a.getByLabel('Authored required for GDP record').uncheck();
  await a.getByLabel('Reviewed required for GDP record').uncheck();
  await a.getByRole('button', { name: 'Save signature policy' }).click();
  await expect(a.getByText('The signature policy was changed')).toBeVisible();
  await expect(a.getByTestId('qa-pending')).toHaveText('All QA changes sent', { timeout: 60_000 });
  await expect(a.getByLabel('Reviewed required for Certificate of Analysis')).toBeChecked();
  await a.screenshot({ path: shots('qa-01b-signature-policy'), fullPage: true });

  // The author cannot approve their own record: the approval is unavailable, and says why.
  await signOut(a);
  await signIn(a, author);
  await openDocument(a);
  await expect(a.getByRole('button', { name: 'Approve', exact: true })).toBeDisabled();
  await expect(a.getByTestId('cannot-sign')).toContainText('already signed this version');
  await a.screenshot({ path: shots('qa-04-author-cannot-approve'), fullPage: true });

  // The approver, on terminal B, creates a key while the server is up.
  const b = await openTerminal(browser, terminalB.url);
  await signIn(b, approver);
  await createSigningKey(b, approver.signing);
  await openDocument(b);
  await expect(b.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();

  // The server goes away; the approver signs with their password, offline. (An operator's backup
  // of the stopped server is taken here: it is restored at the end to play a rolled-back ledger.)
  await h.server.stop();
  const backup = `${h.dir}/server-backup`;
  cpSync(h.server.dataDir, backup, { recursive: true });
  await sign(b, 'Approve', approver.signing);
  await expect(b.getByTestId('qa-pending')).toHaveText('1 QA change pending sync');
  await expect(b.getByRole('list', { name: 'Signatures', exact: true }).getByRole('listitem').filter({ hasText: approver.name })).toContainText('Pending sync');
  await b.screenshot({ path: shots('qa-05-approved-offline-pending'), fullPage: true });

  // The server comes back: the signature syncs by itself and the record is approved.
  await h.server.start();
  await expect(b.getByTestId('qa-pending')).toHaveText('All QA changes sent', { timeout: 120_000 });
  await expect(b.getByRole('list', { name: 'Signatures', exact: true }).getByText('Pending sync')).toHaveCount(0, { timeout: 30_000 });
  await expect(b.getByTestId('doc-status')).toHaveText('Approved', { timeout: 30_000 });
  const steps = b.getByRole('list', { name: 'Required signatures' });
  await expect(steps.getByText('(signed)', { exact: true })).toHaveCount(3);
  const signatures = b.getByRole('list', { name: 'Signatures', exact: true }).getByRole('listitem');
  await expect(signatures).toHaveCount(3);
  for (const [who, meaning] of [
    [author.name, 'Authored'],
    [admin.name, 'Reviewed'],
    [approver.name, 'Approved (QA release)'],
  ] as const) {
    const item = signatures.filter({ hasText: who });
    await expect(item).toContainText(meaning);
    await expect(item).toContainText(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2} UTC/);
    await expect(item).toContainText(/Ledger entry #\d+/);
  }
  const audit = b.getByRole('table', { name: 'Audit trail' });
  await expect(audit.getByRole('row')).toHaveCount(5);
  await b.screenshot({ path: shots('qa-06-detail-signatures'), fullPage: true });
  await audit.scrollIntoViewIfNeeded();
  await b.screenshot({ path: shots('qa-06b-audit-trail-history') });

  // The ledger proof verifies in the UI: every check ✔.
  await b.getByRole('button', { name: 'Verify', exact: true }).click();
  const result = b.getByRole('region', { name: 'Verification result' });
  await expect(result).toContainText('Verified: every check passed', { timeout: 30_000 });
  await expect(result.locator('li[data-ok="false"]')).toHaveCount(0);
  expect(await result.locator('li[data-ok="true"]').count()).toBeGreaterThan(3);
  await result.scrollIntoViewIfNeeded();
  await b.screenshot({ path: shots('qa-07-verify-result') });

  // Exports: the PDF (rendered to PNG to be looked at) and the JSON bundle.
  const pdfPath = `${h.dir}/coa.pdf`;
  const [pdf] = await Promise.all([b.waitForEvent('download'), b.getByRole('button', { name: 'Export PDF' }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  await pdf.saveAs(pdfPath);
  await pdfToPng(pdfPath, shots('qa-08-pdf-page'));
  const [bundle] = await Promise.all([b.waitForEvent('download'), b.getByRole('button', { name: 'Export JSON bundle' }).click()]);
  const bundlePath = `${h.dir}/coa.atlas-bundle.json`;
  await bundle.saveAs(bundlePath);
  const { readFileSync } = await import('node:fs');
  const parsed = JSON.parse(readFileSync(bundlePath, 'utf8')) as { format: string; entries: unknown[] };
  expect(parsed.format).toBe('atlas.qa-bundle/1');
  expect(parsed.entries.length).toBeGreaterThanOrEqual(4);

  // The list shows it approved with 3/3 signatures.
  await openQa(b);
  const row = b.getByRole('table', { name: /QA documents/ }).getByRole('row').filter({ hasText: coa.title });
  await expect(row).toContainText('Approved');
  await expect(row).toContainText('3/3');
  await b.screenshot({ path: shots('qa-09-list'), fullPage: true });

  // The author rotates their key on terminal A: the replacement needs the current signing password
  // and a new one typed twice; the old key retires (the signatures it made stay valid, as above).
  await openQa(a);
  await a.getByRole('link', { name: 'Signing key' }).click();
  const oldFingerprint = (await a.getByTestId('my-key-fingerprint').textContent()) ?? '';
  await a.getByRole('button', { name: 'Rotate key' }).click();
  await a.getByLabel('Current signing password').fill(author.signing);
  await a.getByLabel('New signing password', { exact: true }).fill('priya signing phrase 2');
  await a.getByLabel('Confirm new signing password').fill('priya signing phrase 3');
  await a.getByRole('button', { name: 'Create replacement key' }).click();
  await expect(a.getByText('The two passwords differ.')).toBeVisible();
  await a.getByLabel('Confirm new signing password').fill('priya signing phrase 2');
  await a.getByRole('button', { name: 'Create replacement key' }).click();
  await expect(a.getByTestId('my-key-fingerprint')).not.toHaveText(oldFingerprint);
  await expect(a.getByTestId('my-key-fingerprint')).toHaveText(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
  await expect(a.getByTestId('qa-pending')).toHaveText('All QA changes sent', { timeout: 60_000 });
  await a.screenshot({ path: shots('qa-09b-key-rotated'), fullPage: true });

  // The server is restored from the backup taken before the approval reached it: its ledger is
  // shorter than the one this desktop verified. The desktop refuses it and says so plainly, and
  // keeps the approved record it had verified.
  await h.server.stop();
  rmSync(h.server.dataDir, { recursive: true, force: true });
  cpSync(backup, h.server.dataDir, { recursive: true });
  await h.server.start();
  await b.getByRole('button', { name: 'Sync QA ledger' }).click();
  const alarm = b.getByRole('alert').filter({ hasText: 'failed verification' });
  await expect(alarm).toContainText('fewer than the', { timeout: 60_000 });
  await expect(row).toContainText('Approved');
  await b.screenshot({ path: shots('qa-10-rolled-back-ledger-refused'), fullPage: true });
});
