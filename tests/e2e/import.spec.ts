import { expect, test, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { shots, url } from './support/shell-url';
import { registerCompany } from './support/ui';


// Its own company, so the stock and the import history start empty whatever ran before.
const account = {
  company: 'Apotheke am Markt Großhandel',
  name: 'Jonas Berger',
  email: `jonas.${Date.now()}@apotheke-am-markt.example`,
  password: 'correct horse battery staple',
};

const PRODUCTS = [
  { ndc: '00378-1800-01', name: 'Metformin 500 mg Tabletten' },
  { ndc: '00093-0058-01', name: 'Amoxicillin 500 mg Kapseln' },
  { ndc: '00781-1506-10', name: 'Ibuprofen 400 mg Filmtabletten' },
  { ndc: '68180-0513-01', name: 'Lisinopril 10 mg Tabletten' },
  { ndc: '00904-6730-61', name: 'Omeprazol 20 mg Kapseln' },
];
// More lots than a broad stock search looks at (SEARCH_CANDIDATES, 200), to see it say so.
const ROWS = 240;
/** The row (1-based, below the header) whose expiry is 31 February. */
const BAD_ROW = 57;
const lotOf = (i: number) => `CH24-${String(i + 85).padStart(4, '0')}`;
const productOf = (i: number) => PRODUCTS[i % PRODUCTS.length] as (typeof PRODUCTS)[number];

/**
 * A stock list as a German wholesaler's ERP exports it: semicolon-separated, German headers,
 * DD.MM.YYYY dates (most days above 12, so the order is unambiguous), one impossible date.
 */
function germanStockCsv(): string {
  const lines = ['NDC;Produktname;Charge;Verfall;Menge;Lagerort'];
  for (let i = 1; i <= ROWS; i += 1) {
    const p = productOf(i);
    const day = String(13 + (i % 15)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const expiry = i === BAD_ROW ? '31.02.2027' : `${day}.${month}.${2027 + (i % 3)}`;
    lines.push([p.ndc, p.name, lotOf(i), expiry, String(10 + ((i * 37) % 480)), `Regal ${String.fromCharCode(65 + (i % 4))}-${String(1 + (i % 6)).padStart(2, '0')}`].join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The import screen is taller than the window and scrolls inside <main>, which a full-page
 * screenshot does not unroll: the window is made as tall as the screen for the picture.
 */
async function shoot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => {
    const screen = document.querySelector('main > section');
    return screen ? window.innerHeight - screen.clientHeight + screen.scrollHeight : window.innerHeight;
  });
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(800, height), 4_000) });
  await page.waitForTimeout(150);
  await page.screenshot({ path: shots(name) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function registerOwnCompany(page: Page): Promise<void> {
  await page.goto(url());
  // The shell keeps the session of a spec that ran before: sign that person out first.
  const signIn = page.getByRole('heading', { name: 'Sign in to Atlas' });
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await expect(signIn.or(signOut)).toBeVisible();
  if (await signOut.isVisible()) await signOut.click();
  await expect(signIn).toBeVisible();
  await registerCompany(page, account);
}

async function openImportScreen(page: Page): Promise<void> {
  // The `g i` shortcut, as a keyboard user opens it.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(page.getByRole('heading', { name: 'Import', exact: true })).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test('a German stock list is mapped, corrected in place, imported, found in stock and undone', async ({ page }) => {
  test.setTimeout(120_000);
  await registerOwnCompany(page);
  await openImportScreen(page);
  await expect(page.getByRole('link', { name: /Import/ })).toHaveAttribute('aria-current', 'page');

  await page.getByLabel('Choose a file…').setInputFiles({ name: 'Lagerbestand Juni.csv', mimeType: 'text/csv', buffer: Buffer.from(germanStockCsv(), 'utf8') });

  // Read, then mapped: the German headers are recognised.
  await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lagerbestand Juni.csv' })).toBeVisible();
  await expect(page.getByLabel('Column C (Charge) is read as')).toHaveValue('lot');
  await expect(page.getByLabel('Column D (Verfall) is read as')).toHaveValue('expiry');
  await expect(page.getByLabel('Column C (Charge) is read as').locator('option:checked')).toHaveText('Lot number');
  await expect(page.getByLabel('Column D (Verfall) is read as').locator('option:checked')).toHaveText('Expiry');
  await expect(page.getByLabel('Column E (Menge) is read as')).toHaveValue('quantity');
  await expect(page.getByLabel('Column F (Lagerort) is read as')).toHaveValue('location');
  await expect(page.getByRole('columnheader', { name: /Charge.*Lot number/ })).toBeVisible();
  await expect(page.getByText('semicolon')).toBeVisible();
  const errorsTab = page.getByRole('tab', { name: /Errors/ });
  await expect(errorsTab).toContainText('1');
  await shoot(page, 'import-mapping');

  // Away to Stock and back with `g i`: the import in progress is still there.
  await page.getByRole('link', { name: /Stock/ }).click();
  await expect(page.getByRole('heading', { name: 'Stock', exact: true })).toBeVisible();
  await openImportScreen(page);
  await expect(page.getByRole('heading', { name: 'Lagerbestand Juni.csv' })).toBeVisible();

  // Only the rows with errors: the impossible date, outlined, its message in the title.
  await errorsTab.click();
  await expect(errorsTab).toHaveAttribute('aria-selected', 'true');
  const grid = page.getByRole('grid', { name: 'Rows of the file' });
  await expect(grid.getByRole('row')).toHaveCount(2);
  const badCell = grid.getByRole('gridcell', { name: '31.02.2027', exact: true });
  await expect(badCell).toHaveAttribute('aria-invalid', 'true');
  await expect(badCell).toHaveAttribute('title', /31\.02\.2027|February|date/i);
  await grid.scrollIntoViewIfNeeded();
  await shoot(page, 'import-errors');

  // Corrected in place: click (or Enter), type, Enter; the row leaves the Errors list.
  await badCell.click();
  const editor = grid.getByRole('textbox', { name: `Row ${BAD_ROW + 1}, Verfall` });
  await expect(editor).toBeFocused();
  await editor.fill('28.02.2027');
  await editor.press('Enter');
  await expect(errorsTab).toContainText('0');
  await expect(page.getByText('No rows with errors.')).toBeVisible();
  await page.getByRole('tab', { name: /All/ }).click();
  // The grid is virtualized: scroll the fixed row into view, as a person would.
  await page.getByRole('tabpanel', { name: 'Rows' }).evaluate((el, row) => el.scrollTo(0, (row - 4) * 33), BAD_ROW);
  const fixed = grid.getByRole('gridcell', { name: '28.02.2027', exact: true });
  await expect(fixed).toHaveAttribute('aria-describedby', /.+/);
  // Beside the corrected text, the date Atlas reads it as (day first, from the column's order).
  await expect(fixed).toContainText('→ 2027-02-28');
  await expect(fixed).toHaveAccessibleDescription(/Read as 2027-02-28\. Corrected by you\./);
  // Arrow keys move between cells.
  await fixed.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(grid.getByRole('gridcell', { name: lotOf(BAD_ROW) })).toBeFocused();
  await page.getByTitle('Dark theme').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await shoot(page, 'import-fixed');

  // Commit: no invalid row left, so "all or nothing" is the default.
  await expect(page.getByLabel('Import all or nothing')).toBeChecked();
  await expect(page.getByLabel('Warehouse')).toHaveValue('Main');
  await page.getByRole('button', { name: `Import ${ROWS} rows` }).click();
  await expect(page.getByText(`Imported ${ROWS} rows.`)).toBeVisible({ timeout: 30_000 });
  await shoot(page, 'import-committed');

  // The stock screen has the lot of the corrected row, with the corrected expiry.
  await page.getByRole('link', { name: 'See the stock' }).click();
  await expect(page.getByRole('heading', { name: 'Stock', exact: true })).toBeVisible();
  // Every imported lot number starts "CH24": the search looks at the first 200 and says so.
  await page.getByLabel('Search stock').fill('CH24');
  const capped = page.getByRole('status').filter({ hasText: 'Many lots match “CH24”: only the first 200 found are shown' });
  await expect(capped).toBeVisible();
  await expect(capped).toContainText('Add a strength, a lot number or an NDC');
  await expect(page.getByText('200 lines', { exact: true })).toBeVisible();
  await page.screenshot({ path: shots('import-stock-broad-search') });
  await page.getByLabel('Search stock').fill(lotOf(BAD_ROW));
  await expect(capped).toBeHidden();
  // The search narrows the imported lines to that one lot.
  await expect(page.getByText('1 line', { exact: true })).toBeVisible();
  const stockRow = page.getByRole('row', { name: new RegExp(lotOf(BAD_ROW)) });
  await expect(stockRow).toBeVisible();
  await expect(stockRow).toContainText(productOf(BAD_ROW).name);
  await expect(stockRow).toContainText('28 Feb 2027');
  await expect(stockRow).toContainText('Regal');
  await page.screenshot({ path: shots('import-stock'), fullPage: true });
  await page.getByTitle('Light theme').click();

  // Undo from the history: confirmed, then reported.
  await openImportScreen(page);
  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.getByRole('row', { name: /Lagerbestand Juni\.csv/ })).toContainText('Imported');
  await expect(history.getByRole('row', { name: /Lagerbestand Juni\.csv/ })).toContainText(account.name);
  await history.getByRole('button', { name: 'Undo the import of Lagerbestand Juni.csv' }).click();
  const dialog = page.getByRole('dialog', { name: 'Undo this import?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Undo import' }).click();
  await expect(page.getByRole('dialog', { name: 'Import undone' })).toContainText(`Undone: ${ROWS} rows taken back in full.`);
  await shoot(page, 'import-undone');
  await page.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(history.getByRole('row', { name: /Lagerbestand Juni\.csv/ })).toContainText(`Undone by ${account.name}`);
});

test('a spreadsheet dropped anywhere on the window opens the import', async ({ page }) => {
  // The desktop core keeps the session of the test before.
  await page.goto(url());
  await expect(page.getByRole('heading', { name: 'Stock', exact: true })).toBeVisible();

  // A real DataTransfer carrying a File, as the browser builds one for a drag from the desktop.
  // Dates that read either way round: Atlas asks rather than guesses.
  const csv = 'NDC;Produktname;Charge;Verfall;Menge\r\n00378-1800-01;Metformin 500 mg Tabletten;DROP-001;03/04/2028;12\r\n00093-0058-01;Amoxicillin 500 mg Kapseln;DROP-002;05/06/2028;30\r\n';
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'Nachlieferung.csv', { type: 'text/csv' }));
    return dt;
  }, csv);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop a spreadsheet to import')).toBeVisible();
  await page.screenshot({ path: shots('import-drop-overlay'), fullPage: true });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByText('Drop a spreadsheet to import')).toBeHidden();

  await expect(page.getByRole('heading', { name: 'Import', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nachlieferung.csv' })).toBeVisible();
  await expect(page.getByLabel('Column C (Charge) is read as')).toHaveValue('lot');
  const question = page.getByRole('group', { name: 'Are the dates in column D (Verfall) day-first or month-first?' });
  await expect(question).toContainText('03/04/2028');
  await expect(page.getByRole('tab', { name: /Errors/ })).toContainText('2');
  await shoot(page, 'import-date-question');
  await question.getByRole('button', { name: /DD\/MM\/YYYY/ }).click();
  await expect(question).toBeHidden();
  await expect(page.getByLabel('Date order of Column D (Verfall)')).toHaveValue('DMY');
  await expect(page.getByRole('tab', { name: /Errors/ })).toContainText('0');
  await expect(page.getByRole('button', { name: 'Import 2 rows' })).toBeVisible();

  // A required column ignored: the screen says what is missing and refuses to import.
  const menge = page.getByLabel('Column E (Menge) is read as');
  await menge.selectOption({ label: 'Ignore this column' });
  await expect(page.getByRole('alert').filter({ hasText: 'Some required columns are not mapped' })).toContainText('quantity');
  await expect(page.getByRole('button', { name: /^Import \d+ rows?$/ })).toBeDisabled();
  await menge.selectOption({ label: 'Quantity' });
  await expect(page.getByRole('alert').filter({ hasText: 'Some required columns are not mapped' })).toBeHidden();
  await expect(page.getByRole('row', { name: /Menge/ }).getByText('You', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 2 rows' })).toBeEnabled();

  // An export with no header row: every row is data, the columns are named by letter, and the
  // header-row stepper can still make the first row the header and go back to "None".
  const headerless = ['00378-1800-01,Metformin 500 mg Tabletten,NOHEAD-1,2028-08-15,12', '00093-0058-01,Amoxicillin 500 mg Kapseln,NOHEAD-2,2028-09-30,30', '00781-1506-10,Ibuprofen 400 mg Filmtabletten,NOHEAD-3,2028-10-31,7'];
  await page.getByLabel('Choose another file…').setInputFiles({ name: 'Export ohne Kopfzeile.csv', mimeType: 'text/csv', buffer: Buffer.from(headerless.join('\n'), 'utf8') });
  const headerRow = page.getByRole('group', { name: 'Header row' });
  await expect(headerRow.locator('output')).toHaveText('None');
  await expect(page.getByText('the file has no header row, so every row is data')).toBeVisible();
  await expect(page.getByLabel('Column A is read as', { exact: true })).toHaveValue('ndc');
  await expect(page.getByRole('button', { name: 'Import 3 rows' })).toBeVisible();
  await shoot(page, 'import-no-header');
  await headerRow.getByRole('button', { name: 'Header row: one row down' }).click();
  await expect(headerRow.locator('output')).toHaveText('1');
  await expect(page.getByRole('button', { name: 'Import 2 rows' })).toBeVisible();
  await headerRow.getByRole('button', { name: 'No header row: every row is data' }).click();
  await expect(headerRow.locator('output')).toHaveText('None');
  await expect(page.getByRole('button', { name: 'Import 3 rows' })).toBeVisible();

  // A workbook with two sheets: choosing the other one shows its columns' samples and its rows.
  const sheet = (prefix: string, n: number) => XLSX.utils.aoa_to_sheet([['NDC', 'Produktname', 'Charge', 'Verfall', 'Menge'], ...Array.from({ length: n }, (_, i) => ['00378-1800-01', 'Metformin 500 mg Tabletten', `${prefix}-${i + 1}`, '2028-08-15', 5])]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet('NORD', 4), 'Lager Nord');
  XLSX.utils.book_append_sheet(book, sheet('SUED', 3), 'Lager Süd');
  await page.getByLabel('Choose another file…').setInputFiles({ name: 'Lager.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer });
  await expect(page.getByRole('button', { name: 'Import 4 rows' })).toBeVisible();
  await page.getByLabel('Sheet').selectOption('Lager Süd');
  await expect(page.getByRole('button', { name: 'Import 3 rows' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Charge/ }).filter({ hasText: 'SUED-1' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Rows of the file' }).getByRole('gridcell', { name: 'SUED-3', exact: true })).toBeVisible();

  // A large file shows its progress and can be cancelled; a damaged one is refused in plain words.
  const big = ['NDC;Produktname;Charge;Verfall;Menge'];
  // Close to the 500,000-row preview limit, so reading lasts long enough to be cancelled on an idle machine.
  for (let i = 0; i < 490_000; i += 1) big.push(`00378-1800-01;Metformin 500 mg Tabletten;BIG-${i};15.08.2028;${1 + (i % 90)}`);
  await page.getByLabel('Choose another file…').setInputFiles({ name: 'Jahresinventur.csv', mimeType: 'text/csv', buffer: Buffer.from(big.join('\n'), 'utf8') });
  const reading = page.getByRole('progressbar', { name: 'Reading the file' });
  await expect(reading).toBeVisible();
  await expect(page.getByText(/rows read/)).toBeVisible();
  // The viewport only (a full-page capture is slow): Cancel must come while the file is still being read.
  await page.screenshot({ path: shots('import-reading') });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Reading was cancelled')).toBeVisible();

  await page.getByLabel('Choose another file').setInputFiles({ name: 'Bestand.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('PK\u0003\u0004 this is not really a workbook', 'latin1') });
  await expect(page.getByRole('alert')).toContainText(/Bestand\.xlsx/);
  await expect(page.getByRole('alert')).not.toContainText(/reference|stack|Error:/i);
  await expect(page.getByLabel('Choose another file')).toBeAttached();
  await page.screenshot({ path: shots('import-unreadable'), fullPage: true });
});
