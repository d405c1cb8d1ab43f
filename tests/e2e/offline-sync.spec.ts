import { expect, test, type Browser, type Page } from '@playwright/test';
import { dataMatrixScan, gtinOf, humanReadable, localDatePlus, plainElementScan, shownDate } from './support/gs1-scans';
import { startSyncHarness, type SyncHarness } from './support/sync-harness';
import { registerCompany } from './support/ui';

/**
 * Issue 3's offline scenario, end to end: with the server STOPPED, a warehouse terminal receives
 * three lots by typed GS1 scans and picks one by FEFO, and sees its changes pending; when the
 * server is back they sync by themselves and a second terminal (another replica, same account)
 * shows the result. Self-contained: it starts its own server and two browser shells, so it does
 * not depend on the global setup of playwright.config.ts.
 */
const shots = (name: string) => `tests/e2e/results/screenshots/${name}.png`;

const account = {
  company: 'Harbor Street Pharmacy Supply',
  name: 'Rosa Delgado',
  email: `rosa.${Date.now()}@harbor-pharma.example`,
  password: 'offline first, always in sync',
};
const location = 'Main warehouse / A / 01';
const amoxicillin = { ndc: '67457-153-03', gtin: gtinOf('6745715303'), name: 'Amoxicillin 500 mg capsules', generic: 'amoxicillin', strength: '500 mg', form: 'Capsule' };
// No GTIN in the catalogue: the scan finds it by the NDC inside the GTIN.
const heparin = { ndc: '0409-4888-02', gtin: gtinOf('0409488802'), name: 'Heparin sodium 5,000 units/mL vial', generic: 'heparin sodium', strength: '5,000 units/mL', form: 'Injection' };
const lots = {
  soon: { product: amoxicillin, lot: '0042/A', expiry: localDatePlus(20), quantity: 50, serial: 'SN10001' },
  later: { product: amoxicillin, lot: 'B-7781', expiry: localDatePlus(200), quantity: 100 },
  heparin: { product: heparin, lot: 'C19X', expiry: localDatePlus(400), quantity: 60, serial: 'H-555' },
};

let h: SyncHarness;
let pageA: Page;
let pageB: Page;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  h = await startSyncHarness();
});

test.afterAll(async () => {
  await h?.close();
});

async function openTerminal(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function go(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: screen, exact: true })).toBeVisible();
}

async function scan(page: Page, code: string): Promise<void> {
  const field = page.getByLabel('Scan barcode');
  await field.click();
  // Typed key by key, as a keyboard-wedge scanner does, ending with Enter.
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

test('offline receipts and a FEFO pick reach a second terminal when the server is back', async ({ browser }) => {
  test.setTimeout(360_000);
  const [terminalA, terminalB] = h.terminals;
  const a = await openTerminal(browser, terminalA.url);
  pageA = a;

  // While the server is up: register, set up a location and the two products.
  await registerCompany(a, account);

  await go(a, 'Locations');
  await a.getByLabel('Warehouse').fill('Main warehouse');
  await a.getByLabel('Zone (optional)').fill('A');
  await a.getByLabel('Bin (optional)').fill('01');
  await a.keyboard.press('Enter');
  await expect(a.getByRole('cell', { name: location })).toBeVisible();

  await go(a, 'Products');
  await a.getByRole('button', { name: 'Add product' }).click();
  for (const p of [amoxicillin, heparin]) {
    await a.getByLabel('NDC', { exact: true }).fill(p.ndc);
    await a.getByLabel('Name', { exact: true }).fill(p.name);
    await a.getByLabel('Generic name').fill(p.generic);
    await a.getByLabel('Strength').fill(p.strength);
    await a.getByLabel('Dosage form').fill(p.form);
    if (p === amoxicillin) await a.getByLabel('GTIN (optional)').fill(p.gtin);
    await expect(a.getByText(/Stored as \d{5}-\d{4}-\d{2}/)).toBeVisible();
    await a.getByRole('button', { name: 'Add product' }).click();
    await expect(a.getByRole('status').filter({ hasText: `Added ${p.name}` })).toBeVisible();
  }
  await expect(a.getByTestId('sync-pending')).toHaveText('All changes sent', { timeout: 30_000 });
  await a.screenshot({ path: shots('sync-01-a-products-synced'), fullPage: true });

  // The second terminal signs in to the same account while the server is up.
  const b = await openTerminal(browser, terminalB.url);
  pageB = b;
  await b.getByLabel('Email').fill(account.email);
  await b.getByLabel('Password').fill(account.password);
  await b.getByRole('button', { name: 'Sign in' }).click();
  await expect(b.getByRole('heading', { name: 'Stock', exact: true })).toBeVisible();
  await expect(b.getByText('No stock in this replica yet')).toBeVisible();

  // The server goes away.
  await h.server.stop();

  // Three lots received by scans typed into the focused field: a GS1 DataMatrix string with
  // its ]d2 prefix and a GS separator, the human-readable (01)… form, and a bare element string.
  await go(a, 'Receive');
  await expect(a.getByLabel('Scan barcode')).toBeFocused();
  const receipts = [
    { ...lots.soon, code: dataMatrixScan({ gtin: lots.soon.product.gtin, expiry: lots.soon.expiry, lot: lots.soon.lot, serial: lots.soon.serial }) },
    { ...lots.later, serial: undefined, code: humanReadable({ gtin: lots.later.product.gtin, expiry: lots.later.expiry, lot: lots.later.lot }) },
    { ...lots.heparin, code: plainElementScan({ gtin: lots.heparin.product.gtin, expiry: lots.heparin.expiry, lot: lots.heparin.lot, serial: lots.heparin.serial }) },
  ];
  for (const [i, r] of receipts.entries()) {
    await scan(a, r.code);
    await expect(a.getByLabel('Lot number')).toHaveValue(r.lot);
    await expect(a.getByLabel('Expiry date')).toHaveValue(r.expiry);
    await expect(a.getByLabel('Serial (optional)')).toHaveValue(r.serial ?? '');
    await expect(a.getByLabel('Product', { exact: true }).locator('option:checked')).toContainText(r.product.name);
    // The location is chosen once and kept for the next scans.
    if (i === 0) await a.getByLabel('Location', { exact: true }).selectOption({ label: location });
    await expect(a.getByLabel('Location', { exact: true }).locator('option:checked')).toHaveText(location);
    await a.getByLabel('Quantity').fill(String(r.quantity));
    if (i === 1) await a.screenshot({ path: shots('sync-02-a-receive-scanned-offline'), fullPage: true });
    await a.keyboard.press('Enter');
    await expect(a.getByRole('status').filter({ hasText: `Received ${r.quantity}` })).toContainText(`lot ${r.lot}, expiry ${shownDate(r.expiry)}`);
    await expect(a.getByLabel('Scan barcode')).toBeFocused();
  }
  await expect(a.getByText('Offline', { exact: true })).toBeVisible();
  await expect(a.getByText('Server unreachable — your changes are saved on this computer and will be sent when it is back.')).toBeVisible();

  // Pick 30 amoxicillin by FEFO: the lot expiring in 20 days goes first.
  await go(a, 'Pick');
  await scan(a, `(01)${amoxicillin.gtin}`);
  await expect(a.getByLabel('Product', { exact: true }).locator('option:checked')).toContainText(amoxicillin.name);
  // The only location holding amoxicillin is chosen for the picker, with what it holds there.
  await expect(a.getByLabel('Location', { exact: true }).locator('option:checked')).toHaveText(`${location} · 150 each`);
  await expect(a.getByLabel('Quantity')).toBeFocused();
  await a.getByLabel('Quantity').fill('30');
  const suggestion = a.getByRole('table', { name: 'Lots to pick from, in order' });
  await expect(suggestion.getByRole('row')).toHaveCount(2);
  await expect(suggestion.getByRole('row').nth(1)).toContainText(lots.soon.lot);
  await expect(suggestion.getByRole('row').nth(1)).toContainText('30');
  await a.screenshot({ path: shots('sync-03-a-pick-fefo-offline'), fullPage: true });
  await a.getByRole('button', { name: 'Pick', exact: true }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Picked 30' })).toContainText(`lot ${lots.soon.lot} × 30`);

  // Everything waits on this computer: three receipts and one pick.
  await expect(a.getByTestId('sync-pending')).toHaveText('4 pending');
  await go(a, 'Stock');
  const stockA = a.getByRole('table', { name: /Stock by lot and location/ });
  await expect(stockA.getByRole('row')).toHaveCount(4);
  await expect(stockA.getByRole('row').filter({ hasText: lots.soon.lot })).toContainText('20');
  await expect(stockA.getByRole('row').filter({ hasText: 'Not synced' })).toHaveCount(3);
  await a.screenshot({ path: shots('sync-04-a-stock-offline-pending'), fullPage: true });

  // The server comes back on the same data; nobody presses anything.
  await h.server.start();
  await expect(a.getByTestId('sync-pending')).toHaveText('All changes sent', { timeout: 120_000 });
  await expect(a.getByText('Online', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(stockA.getByRole('row').filter({ hasText: 'Not synced' })).toHaveCount(0, { timeout: 15_000 });
  await a.screenshot({ path: shots('sync-05-a-stock-synced'), fullPage: true });

  // The second terminal shows the same stock, pulled from the server.
  const stockB = b.getByRole('table', { name: /Stock by lot and location/ });
  await expect(stockB.getByRole('row')).toHaveCount(4, { timeout: 120_000 });
  for (const [lot, quantity] of [
    [lots.soon.lot, '20'],
    [lots.later.lot, '100'],
    [lots.heparin.lot, '60'],
  ] as const) {
    const row = stockB.getByRole('row').filter({ hasText: lot });
    await expect(row).toContainText(quantity);
    await expect(row).toContainText(location);
  }
  await expect(stockB.getByRole('row').filter({ hasText: lots.soon.lot })).toContainText(shownDate(lots.soon.expiry));
  await b.screenshot({ path: shots('sync-06-b-stock-after-sync'), fullPage: true });

  // Its lot detail has the full history: received 50 (with serial), picked 30.
  await stockB.getByRole('row').filter({ hasText: lots.soon.lot }).click();
  await expect(b.getByRole('heading', { level: 1 })).toContainText(lots.soon.lot);
  const history = b.getByRole('table', { name: /Movement history/ });
  await expect(history.getByRole('row').filter({ hasText: 'Received' })).toContainText('+50');
  await expect(history.getByRole('row').filter({ hasText: 'Received' })).toContainText(lots.soon.serial);
  await expect(history.getByRole('row').filter({ hasText: 'Picked' })).toContainText('−30');
  await b.screenshot({ path: shots('sync-07-b-lot-detail'), fullPage: true });
});

test('transfer, adjust below zero, count and quarantine on the synced terminal, by keyboard', async () => {
  test.setTimeout(180_000);
  const a = pageA;
  // A second bin for the transfer; warehouse and zone stay filled in for the next bin.
  await go(a, 'Locations');
  await expect(a.getByLabel('Warehouse')).toHaveValue('');
  await a.getByLabel('Warehouse').fill('Main warehouse');
  await a.getByLabel('Zone (optional)').fill('A');
  await a.getByLabel('Bin (optional)').fill('02');
  await a.keyboard.press('Enter');
  await expect(a.getByRole('cell', { name: 'Main warehouse / A / 02' })).toBeVisible();

  // `g t` opens Transfer; typing a lot number and Enter picks the only matching line.
  await a.locator('body').click({ position: { x: 5, y: 400 } });
  await a.keyboard.press('g');
  await a.keyboard.press('t');
  await expect(a.getByRole('heading', { level: 1, name: 'Transfer' })).toBeVisible();
  await a.getByLabel('Find lot').fill(lots.later.lot);
  await a.getByLabel('Find lot').press('Enter');
  await expect(a.getByLabel('Lot and location').locator('option:checked')).toContainText(`lot ${lots.later.lot}`);
  await expect(a.getByLabel('To location')).toBeFocused();
  await a.getByLabel('To location').selectOption({ label: 'Main warehouse / A / 02' });
  await a.getByLabel('Quantity').fill('40');
  await a.screenshot({ path: shots('sync-08a-a-transfer'), fullPage: true });
  await a.getByLabel('Quantity').press('Enter');
  await expect(a.getByRole('status').filter({ hasText: 'Moved 40' })).toContainText('to Main warehouse / A / 02');

  // Adjust heparin by −70 (only 60 on hand): accepted, and flagged as a discrepancy.
  await go(a, 'Adjust');
  await a.getByLabel('Find lot').fill(humanReadable({ gtin: heparin.gtin, expiry: lots.heparin.expiry, lot: lots.heparin.lot }));
  await a.getByLabel('Find lot').press('Enter');
  await expect(a.getByLabel('Lot and location').locator('option:checked')).toContainText(`lot ${lots.heparin.lot}`);
  await a.getByLabel('Change in quantity').fill('-70');
  await a.getByLabel('Reason').selectOption('damaged');
  await expect(a.getByText('This takes the lot below zero')).toBeVisible();
  await expect(a.getByText('60 → -10 each')).toBeVisible();
  await a.screenshot({ path: shots('sync-08-a-adjust-below-zero'), fullPage: true });
  await a.getByRole('button', { name: 'Adjust', exact: true }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Adjusted lot' })).toContainText('by -70');

  // Cycle count: the variance shows before confirming.
  await go(a, 'Count');
  await a.getByLabel('Find lot').fill(lots.soon.lot);
  await a.getByLabel('Find lot').press('Enter');
  await expect(a.getByLabel('Counted quantity')).toBeFocused();
  await a.keyboard.type('18');
  await expect(a.getByText('-2 each')).toBeVisible();
  await a.screenshot({ path: shots('sync-09-a-count-variance'), fullPage: true });
  await a.keyboard.press('Enter');
  await expect(a.getByRole('status').filter({ hasText: 'Counted 18' })).toContainText('variance -2');

  // Quarantine the transferred part of lot B-7781, with the reason.
  await go(a, 'Quarantine');
  await a.getByLabel('Find lot').fill(lots.later.lot);
  await a.getByLabel('Lot and location').selectOption({ label: `${amoxicillin.name} · lot ${lots.later.lot} · exp ${shownDate(lots.later.expiry)} · Main warehouse / A / 02 · 40 each` });
  await a.getByLabel('Reason').fill('Temperature excursion in transit');
  await a.screenshot({ path: shots('sync-09a-a-quarantine'), fullPage: true });
  await a.getByRole('button', { name: 'Quarantine', exact: true }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Quarantine: lot' })).toContainText(lots.later.lot);

  // The stock screen shows all of it; `/` focuses the search, arrows and Enter open a lot.
  await go(a, 'Stock');
  const stock = a.getByRole('table', { name: /Stock by lot and location/ });
  await expect(stock.getByRole('row').filter({ hasText: lots.heparin.lot })).toContainText('Discrepancy');
  await expect(stock.getByRole('row').filter({ hasText: lots.heparin.lot })).toContainText('-10');
  await expect(stock.getByRole('row').filter({ hasText: 'Main warehouse / A / 02' })).toContainText('Quarantine');
  await expect(a.getByTestId('sync-pending')).toHaveText('All changes sent', { timeout: 30_000 });
  await a.screenshot({ path: shots('sync-10-a-stock-after-commands'), fullPage: true });
  // Status belongs to the lot, so both of its lines are in quarantine.
  await a.getByLabel('Status').selectOption('quarantine');
  await expect(stock.getByRole('row')).toHaveCount(3);
  await a.getByLabel('Status').selectOption('');
  await a.locator('body').click({ position: { x: 5, y: 400 } });
  await a.keyboard.press('/');
  await expect(a.getByLabel('Search stock')).toBeFocused();
  await a.keyboard.type('heparin');
  await expect(stock.getByRole('row')).toHaveCount(2);
  await a.keyboard.press('ArrowDown');
  await expect(stock.getByRole('row').nth(1)).toBeFocused();
  await a.keyboard.press('Enter');
  await expect(a.getByRole('heading', { level: 1 })).toContainText(lots.heparin.lot);
  await expect(a.getByRole('table', { name: /Movement history/ }).getByRole('row').filter({ hasText: 'Adjusted' })).toContainText('Discrepancy');
  // Lot detail's actions open the screen with this lot and location already chosen.
  await a.getByRole('link', { name: 'Count at Main warehouse / A / 01' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Count' })).toBeVisible();
  await expect(a.getByLabel('Lot and location').locator('option:checked')).toContainText(`lot ${lots.heparin.lot}`);
  await a.goBack();
  await expect(a.getByRole('heading', { level: 1 })).toContainText(lots.heparin.lot);
  await a.getByTitle('Dark theme').click();
  await expect(a.locator('html')).toHaveClass(/dark/);
  await a.waitForTimeout(300);
  await a.screenshot({ path: shots('sync-11-a-lot-detail-dark'), fullPage: true });
  await a.keyboard.press('Escape');
  await expect(a.getByRole('heading', { name: 'Stock', exact: true })).toBeVisible();
  await a.screenshot({ path: shots('sync-12-a-stock-dark'), fullPage: true });
  await a.getByTitle('Light theme').click();

  // A pack whose product is not in the catalogue: said plainly, with a way to add it.
  const unknownGtin = gtinOf('50090-2875-1');
  await go(a, 'Receive');
  await scan(a, humanReadable({ gtin: unknownGtin, expiry: localDatePlus(90), lot: 'Z1' }));
  await expect(a.getByText('This product is not in your catalogue yet')).toBeVisible();
  await expect(a.getByLabel('Lot number')).toHaveValue('Z1');
  await a.screenshot({ path: shots('sync-14-a-receive-unknown-product'), fullPage: true });
  await a.getByRole('link', { name: 'Add it on the Products screen' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
  await expect(a.getByLabel('GTIN (optional)')).toHaveValue(unknownGtin);
  // The GTIN carries the NDC's 10 digits but not its hyphens, so the layout must be given.
  await expect(a.getByLabel('NDC', { exact: true })).toHaveValue('5009028751');
  await expect(a.getByText(/is ambiguous/)).toBeVisible();
  await a.getByLabel('NDC', { exact: true }).fill('50090-2875-1');
  await expect(a.getByText('Stored as 50090-2875-01 (5-4-2, from 5-4-1)')).toBeVisible();
  await a.keyboard.press('Escape');
  await expect(a.getByLabel('NDC', { exact: true })).toBeHidden();
});

test('the same lot received offline with two different expiries: one is not accepted, and says why', async () => {
  test.setTimeout(240_000);
  const [a, b] = [pageA, pageB];
  const lot = 'D-100';
  await expect(a.getByTestId('sync-pending')).toHaveText('All changes sent', { timeout: 30_000 });
  await expect(b.getByTestId('sync-pending')).toHaveText('All changes sent', { timeout: 30_000 });
  await h.server.stop();
  for (const [page, days] of [
    [a, 300],
    [b, 301],
  ] as const) {
    await go(page, 'Receive');
    await scan(page, dataMatrixScan({ gtin: amoxicillin.gtin, expiry: localDatePlus(days), lot }));
    await expect(page.getByLabel('Lot number')).toHaveValue(lot);
    await page.getByLabel('Location', { exact: true }).selectOption({ label: location });
    await page.getByLabel('Quantity').fill('5');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Received 5' })).toBeVisible();
    await expect(page.getByTestId('sync-pending')).toHaveText('1 pending');
  }
  await h.server.start();
  await expect(a.getByTestId('sync-pending')).toHaveText('All changes sent', { timeout: 120_000 });
  await expect(b.getByTestId('sync-pending')).toHaveText('All changes sent', { timeout: 120_000 });
  // Whichever terminal pushed second had its receipt refused; the queue went on regardless.
  const refusedOn = async (p: Page) => p.getByRole('button', { name: /not accepted/ }).count();
  await expect.poll(async () => (await refusedOn(a)) + (await refusedOn(b)), { timeout: 30_000 }).toBe(1);
  const page = (await refusedOn(a)) > 0 ? a : b;
  await expect(page.getByRole('button', { name: '1 not accepted' })).toBeVisible();
  await page.getByRole('button', { name: '1 not accepted' }).click();
  const dialog = page.getByRole('dialog', { name: 'Changes the server did not accept' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Receive — lot ${lot} · quantity 5`);
  await expect(dialog).toContainText(`Lot ${lot} is already recorded with expiry`);
  await page.screenshot({ path: shots('sync-13-rejection-panel'), fullPage: true });
  await dialog.getByRole('button', { name: 'Dismiss Receive' }).click();
  await expect(dialog).toContainText('Nothing left to review.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: /not accepted/ })).toHaveCount(0);
  // Both terminals agree on the lot: one expiry, one receipt of 5.
  for (const p of [a, b]) {
    await go(p, 'Stock');
    const row = p.getByRole('table', { name: /Stock by lot and location/ }).getByRole('row').filter({ hasText: lot });
    await expect(row).toHaveCount(1, { timeout: 30_000 });
    await expect(row).toContainText('5');
    await expect(row).toContainText(shownDate(localDatePlus(page === a ? 301 : 300)));
  }
});
