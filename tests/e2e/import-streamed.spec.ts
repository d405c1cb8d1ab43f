import { expect, test } from '@playwright/test';
import { harnessPerFile } from './support/harness-per-file';
import { shots } from './support/shell-url';
import { go, openTerminal, registerCompany } from './support/ui';

/**
 * Issue 4, a spreadsheet too long to preview: these terminals preview at most 200 rows
 * (ATLAS_IMPORT_PREVIEW_ROWS), so a 3,000-row stock list is checked and imported straight from
 * the file. "All or nothing" refuses it and lists the bad rows; "only the valid rows" imports
 * the rest with progress, says what was left out, and the history records it.
 */
const harness = harnessPerFile({ terminalEnv: { ATLAS_IMPORT_PREVIEW_ROWS: '200' } });

const run = Date.now().toString(36);
const admin = { company: 'Northwind Pharma Distribution', name: 'Amara Okoye', email: `amara.${run}@northwind-pharma.example`, password: 'ten thousand boxes a day' };
const ROWS = 3_000;
/** Every 1,000th line has 30 February for its expiry. */
const bad = (i: number) => i % 1_000 === 0;

function stockList(): string {
  const lines = ['NDC,Product name,Lot,Expiry,Qty,Bin'];
  for (let i = 1; i <= ROWS; i += 1) lines.push(`00093-3109-05,Amoxicillin 500 mg capsules,NW-${i},${bad(i) ? '2029-02-30' : '2029-03-31'},${1 + (i % 90)},R${i % 6}-S1`);
  return `${lines.join('\n')}\n`;
}

test('a file too long to preview is refused whole, then imported valid rows only, from the file', async ({ browser }) => {
  const page = await openTerminal(browser, harness().terminals[0].url);
  await registerCompany(page, admin);
  await go(page, 'Import');

  await page.getByLabel('Choose a file…').setInputFiles({ name: 'Jahresbestand.csv', mimeType: 'text/csv', buffer: Buffer.from(stockList(), 'utf8') });
  await expect(page.getByText('too many rows to preview, so Atlas checks every row and imports straight from the file')).toBeVisible();
  const start = page.getByRole('button', { name: 'Check and import without a preview' });
  await expect(start).toBeVisible();
  await page.screenshot({ path: shots('import-streamed-offer') });

  // All or nothing: every row is checked first, and three bad ones stop the whole file.
  await page.getByLabel('Import all or nothing').check();
  await start.click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(refusal).toContainText('3 rows have errors; nothing was imported. Import only the valid rows to leave them out.');
  await expect(refusal).toContainText('3,000 rows checked: 2,997 valid, 3 with errors.');
  await expect(refusal.getByRole('listitem')).toHaveText([/Row 1001\s*Expiry: "2029-02-30" is not a real date/, /Row 2001/, /Row 3001/]);
  await page.screenshot({ path: shots('import-streamed-refused') });

  // Only the valid rows: three steps with progress, then what went in and what was left out.
  await page.getByLabel('Import only the valid rows').check();
  await start.click();
  await expect(page.getByText(/Step [123] of 3/).or(page.getByRole('heading', { name: 'Imported' }))).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Imported 2,997 rows.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '3 rows with errors were left out' })).toContainText('Row 2001');
  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.getByRole('row', { name: /Jahresbestand\.csv/ })).toContainText(/3,000\s*\(3 with errors\)\s*2,997\s*Valid rows only/);
  await expect(history.getByRole('row', { name: /Jahresbestand\.csv/ })).toContainText(admin.name);
  await page.screenshot({ path: shots('import-streamed-done') });

  // The same file dropped again: its stock is in already, so it goes in again only on purpose.
  await page.getByLabel('Choose another file…').setInputFiles({ name: 'Jahresbestand (Kopie).csv', mimeType: 'text/csv', buffer: Buffer.from(stockList(), 'utf8') });
  const guard = page.getByRole('status').filter({ hasText: 'This file was imported before' });
  await expect(guard).toContainText(`by ${admin.name}, as “Jahresbestand.csv”: 2,997 rows received.`);
  await expect(start).toBeDisabled();
  await page.getByLabel('Import it again').check();
  await expect(start).toBeEnabled();
  await page.screenshot({ path: shots('import-streamed-repeat') });
  await page.getByLabel('Import it again').uncheck();
  await page.getByRole('link', { name: 'Stock', exact: true }).click();
  await page.getByLabel('Search stock').fill('NW-2999');
  await expect(page.getByRole('row', { name: /NW-2999/ })).toContainText('2029');
  await page.getByLabel('Search stock').fill('NW-1000');
  await expect(page.getByText('No stock matches', { exact: false })).toBeVisible();
});
