import { rgb, StandardFonts, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { winAnsi, wrapText } from './pdf-text';

// US Letter: the FDA's paper size; the margins leave room for a footer on every page.
export const PAGE = { width: 612, height: 792, margin: 50, footer: 30 } as const;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.4, 0.45);
const RULE = rgb(0.75, 0.77, 0.8);
export const GOOD = rgb(0.05, 0.45, 0.2);
export const BAD = rgb(0.7, 0.1, 0.1);

export interface Column {
  header: string;
  /** Share of the text width. */
  width: number;
}

type Color = ReturnType<typeof rgb>;

/**
 * A top-to-bottom writer over as many pages as the content needs: every block measures itself
 * and starts a new page when it would cross the bottom margin, so long descriptions and long
 * specification tables flow onto further pages instead of running off the sheet.
 */
export class PageWriter {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  private constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    readonly mono: PDFFont,
  ) {
    this.newPage();
  }

  static async open(doc: PDFDocument): Promise<PageWriter> {
    const [regular, bold, mono] = await Promise.all([doc.embedFont(StandardFonts.Helvetica), doc.embedFont(StandardFonts.HelveticaBold), doc.embedFont(StandardFonts.Courier)]);
    return new PageWriter(doc, regular, bold, mono);
  }

  get textWidth(): number {
    return PAGE.width - 2 * PAGE.margin;
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.margin;
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < PAGE.margin + PAGE.footer) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  heading(text: string, size = 13): void {
    this.ensure(size * 3);
    this.space(size * 0.6);
    this.paragraph(text, { font: this.bold, size });
    this.page.drawLine({ start: { x: PAGE.margin, y: this.y + 2 }, end: { x: PAGE.width - PAGE.margin, y: this.y + 2 }, thickness: 0.6, color: RULE });
    this.space(6);
  }

  /** Wrapped text; each line is placed separately, so a paragraph may continue on the next page. */
  paragraph(text: string, o: { font?: PDFFont; size?: number; color?: Color; indent?: number } = {}): void {
    const font = o.font ?? this.regular;
    const size = o.size ?? 10;
    const indent = o.indent ?? 0;
    for (const line of wrapText(text, font, size, this.textWidth - indent)) {
      this.ensure(size * 1.35);
      this.y -= size * 1.35;
      this.page.drawText(line, { x: PAGE.margin + indent, y: this.y + size * 0.3, size, font, color: o.color ?? INK });
    }
  }

  /** "Label: value" with the label in a fixed column and the value wrapped beside it. */
  field(label: string, value: string, o: { mono?: boolean; color?: Color; labelWidth?: number } = {}): void {
    const size = 10;
    const labelWidth = o.labelWidth ?? 130;
    const font = o.mono ? this.mono : this.regular;
    const valueSize = o.mono ? 8.5 : size;
    const labels = wrapText(label, this.bold, size, labelWidth - 8);
    const values = wrapText(value || '—', font, valueSize, this.textWidth - labelWidth);
    const rows = Math.max(labels.length, values.length);
    const lineHeight = size * 1.35;
    if (rows <= 6) this.ensure(rows * lineHeight);
    for (let i = 0; i < rows; i++) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      const l = labels[i];
      const v = values[i];
      if (l) this.page.drawText(l, { x: PAGE.margin, y: this.y + size * 0.3, size, font: this.bold, color: MUTED });
      if (v) this.page.drawText(v, { x: PAGE.margin + labelWidth, y: this.y + size * 0.3, size: valueSize, font, color: o.color ?? INK });
    }
  }

  /** A table with wrapped cells; the header row is repeated on every page the table spans. */
  table(columns: readonly Column[], rows: readonly string[][], o: { cellColor?: (row: number, col: number) => Color | undefined } = {}): void {
    const size = 9;
    const lineHeight = size * 1.3;
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.textWidth);
    const drawRow = (cells: readonly string[], font: PDFFont, color: (col: number) => Color | undefined, shade: boolean) => {
      const wrapped = cells.map((cell, i) => wrapText(cell, font, size, (widths[i] ?? 0) - 2 * pad));
      const height = Math.max(...wrapped.map((w) => w.length)) * lineHeight + 2 * pad;
      const top = this.y;
      if (shade) this.page.drawRectangle({ x: PAGE.margin, y: top - height, width: this.textWidth, height, color: rgb(0.93, 0.94, 0.96) });
      let x = PAGE.margin;
      for (const [i, lines] of wrapped.entries()) {
        lines.forEach((line, k) => this.page.drawText(line, { x: x + pad, y: top - pad - (k + 1) * lineHeight + size * 0.3, size, font, color: color(i) ?? INK }));
        x += widths[i] ?? 0;
      }
      this.y = top - height;
      this.page.drawLine({ start: { x: PAGE.margin, y: this.y }, end: { x: PAGE.width - PAGE.margin, y: this.y }, thickness: 0.4, color: RULE });
      return height;
    };
    const headers = columns.map((c) => c.header);
    const heightOf = (cells: readonly string[], font: PDFFont) => Math.max(...cells.map((cell, i) => wrapText(cell, font, size, (widths[i] ?? 0) - 2 * pad).length)) * lineHeight + 2 * pad;
    this.ensure(heightOf(headers, this.bold) + heightOf(rows[0] ?? headers, this.regular));
    drawRow(headers, this.bold, () => undefined, true);
    for (const [r, cells] of rows.entries()) {
      const h = heightOf(cells, this.regular);
      if (this.y - h < PAGE.margin + PAGE.footer) {
        this.newPage();
        drawRow(headers, this.bold, () => undefined, true);
      }
      drawRow(cells, this.regular, (c) => o.cellColor?.(r, c), false);
    }
    this.space(4);
  }

  /** "Page i of n" and a short identity line at the foot of every page (after all pages exist). */
  footers(identity: string): void {
    const size = 7.5;
    this.pages.forEach((page, i) => {
      const text = winAnsi(`${identity}    Page ${i + 1} of ${this.pages.length}`);
      page.drawText(text, { x: PAGE.margin, y: PAGE.margin - 10, size, font: this.regular, color: MUTED, maxWidth: this.textWidth });
    });
  }
}
