import type { Cell } from '../../../../shared/import/types';
import { cellTooLong, tooManyColumns, tooManyRows } from './read-errors';
import type { ReadLimits } from './read-limits';
import type { RowSink } from './row-sink';

/**
 * The one shape both readers deliver, and the per-row limits. A row ends at its last non-empty
 * cell ('' counts as empty, so CSV and XLSX agree), which drops trailing empty columns without
 * waiting for the end of a streamed file. Blank rows in the middle are kept as [] so that row
 * numbers stay the ones the person sees in Excel; blank rows at the end are dropped (Excel saves
 * a sheet's formatted but empty tail as ",,,," lines).
 */
export class RowNormalizer {
  /** 1-based number of the last source row seen. */
  private row = 0;
  private blanks = 0;
  private emitted = 0;

  constructor(
    private readonly sink: RowSink,
    private readonly limits: Pick<ReadLimits, 'maxRows' | 'maxColumns' | 'maxCellLength'>,
    private readonly fileName: string,
  ) {}

  /** The cells array is reused as the delivered row. */
  async push(cells: Cell[]): Promise<void> {
    this.row++;
    let end = 0;
    for (let c = 0; c < cells.length; c++) {
      const value = cells[c];
      if (value === '' || value === undefined) cells[c] = null;
      else if (value !== null) {
        end = c + 1;
        if (typeof value === 'string' && value.length > this.limits.maxCellLength) {
          throw cellTooLong(this.fileName, this.row, c, value.length, this.limits.maxCellLength);
        }
      }
    }
    if (end === 0) {
      this.blanks++;
      return;
    }
    if (end > this.limits.maxColumns) throw tooManyColumns(this.fileName, this.row, end, this.limits.maxColumns);
    cells.length = end;
    for (; this.blanks > 0; this.blanks--) await this.emit([]);
    await this.emit(cells);
  }

  /** Rows delivered (trailing blank rows are not). */
  get count(): number {
    return this.emitted;
  }

  private async emit(row: Cell[]): Promise<void> {
    if (this.emitted >= this.limits.maxRows) throw tooManyRows(this.fileName, this.limits.maxRows);
    this.emitted++;
    if (this.sink.add(row)) await this.sink.flush();
  }
}
