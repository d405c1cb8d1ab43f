import { AppError } from '../../../../shared/errors';
import { cellTooLong, tooManyColumns } from './read-errors';
import type { CsvDialect } from './sniff-dialect';

const QUOTE = 0x22;
const SPACE = 0x20;
const CR = 0x0d;
const LF = 0x0a;

export interface ShapeLimits {
  maxColumns: number;
  maxCellLength: number;
}

/**
 * Counts fields and cell lengths in the decoded text *before* Papa Parse sees it, so that a row
 * of 100,000 commas or an unclosed quote swallowing 200 MB is refused after one chunk instead of
 * after Papa Parse has built a huge array or string (it keeps an unfinished row across chunks
 * and re-reads it with every new chunk). It follows Papa Parse's quoting rules (RFC 4180 plus
 * its leniency): a quote opens a field only at the field's start; inside, "" is a quote, and a
 * quote closes the field only when spaces and then a delimiter or line break follow it — any
 * other quote is kept as text. So for well-formed files its counts are exactly Papa Parse's.
 */
export class CsvShapeGuard {
  /** 1-based record number, as a spreadsheet program numbers rows. */
  private record = 1;
  private fields = 1;
  private length = 0;
  private inQuotes = false;
  private fieldStart = true;
  /** Inside quotes, a quote was just seen (and maybe spaces after it): close or literal? */
  private quoteThenSpaces = -1;
  private readonly delimiter: number;
  private readonly lineEnd: number;

  constructor(
    dialect: CsvDialect,
    private readonly limits: ShapeLimits,
    private readonly fileName: string,
  ) {
    this.delimiter = dialect.delimiter.charCodeAt(0);
    this.lineEnd = dialect.newline === '\r' ? CR : LF;
  }

  scan(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        this.quoted(c);
        continue;
      }
      if (c === QUOTE && this.fieldStart) {
        this.inQuotes = true;
      } else if (c === this.delimiter) this.nextField();
      else if (c === this.lineEnd) this.nextRecord();
      else if (c !== CR) this.grow(1);
      this.fieldStart = c === this.delimiter || c === this.lineEnd;
    }
  }

  /** At the end of the file: a quote still open would make Papa Parse read the rest as one cell. */
  end(): void {
    if (this.inQuotes && this.quoteThenSpaces < 0) {
      throw new AppError(
        'import/unreadable-file',
        `In “${this.fileName}”, the quote (") that opens a cell in row ${this.record.toLocaleString('en-US')} is never closed, so the rest of the file would become one cell. Close or remove that quote and try again.`,
      );
    }
  }

  private quoted(c: number): void {
    if (this.quoteThenSpaces < 0) {
      if (c === QUOTE) this.quoteThenSpaces = 0;
      else this.grow(1);
      return;
    }
    if (c === QUOTE && this.quoteThenSpaces === 0) {
      this.quoteThenSpaces = -1; // "" inside quotes is one quote character
      this.grow(1);
    } else if (c === SPACE || (c === CR && this.lineEnd === LF)) {
      this.quoteThenSpaces++;
    } else if (c === this.delimiter || c === this.lineEnd) {
      this.inQuotes = false;
      this.quoteThenSpaces = -1;
      this.fieldStart = true;
      if (c === this.delimiter) this.nextField();
      else this.nextRecord();
    } else if (c === QUOTE) {
      // A stray quote: Papa Parse keeps it and the spaces as text and stays inside the quotes.
      this.grow(1 + this.quoteThenSpaces);
      this.quoteThenSpaces = 0;
    } else {
      this.grow(2 + this.quoteThenSpaces);
      this.quoteThenSpaces = -1;
    }
  }

  private grow(n: number): void {
    this.length += n;
    if (this.length > this.limits.maxCellLength) throw this.tooLong();
  }

  private nextField(): void {
    this.fields++;
    this.length = 0;
    if (this.fields > this.limits.maxColumns) throw tooManyColumns(this.fileName, this.record, null, this.limits.maxColumns);
  }

  private nextRecord(): void {
    this.record++;
    this.fields = 1;
    this.length = 0;
  }

  private tooLong(): AppError {
    // A quoted cell spanning lines still belongs to the row it started in (records only advance
    // at line breaks outside quotes), so the row named is where the stray quote is.
    const hint = this.inQuotes ? ' The quote (") that opens this cell is probably never closed.' : '';
    return cellTooLong(this.fileName, this.record, this.fields - 1, null, this.limits.maxCellLength, hint);
  }
}
