import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { CsvShapeGuard } from './csv-shape-guard';
import type { CsvDialect } from './sniff-dialect';

const comma: CsvDialect = { delimiter: ',', newline: '\n' };
const guard = (limits = { maxColumns: 3, maxCellLength: 5 }, dialect = comma) => new CsvShapeGuard(dialect, limits, 'stock.csv');

function refusal(run: () => void): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('CsvShapeGuard', () => {
  it('accepts rows within the limits, counting "" as one character and not the enclosing quotes', () => {
    const g = guard();
    g.scan('a,"b,c",d\n"x""y",,\n"12345",1');
    g.end();
  });

  it('refuses the first field past maxColumns, naming the row', () => {
    const err = refusal(() => guard().scan('a,b,c\n1,2,3,4\n'));
    expect(err.code).toBe('import/too-many-columns');
    expect(err.message).toContain('Row 2 of “stock.csv” has more than 3 columns');
  });

  it('refuses a long cell with its row and column, also when the cell spans lines inside quotes', () => {
    const err = refusal(() => guard().scan('a,b\n1,123456\n'));
    expect(err.code).toBe('import/cell-too-long');
    expect(err.message).toContain('Row 2, column B');
    const open = refusal(() => guard().scan('a,b\n1,"12\n34\n56\n'));
    expect(open.message).toContain('Row 2, column B');
    expect(open.message).toContain('never closed');
  });

  it('gives the same verdict however the text is cut into chunks', () => {
    const text = 'a,"b\n""c",d\r\n"x" ,y,z\n';
    const whole = guard({ maxColumns: 3, maxCellLength: 4 });
    whole.scan(text);
    const pieces = guard({ maxColumns: 3, maxCellLength: 4 });
    for (const ch of text) pieces.scan(ch);
    pieces.end();
    expect(() => guard({ maxColumns: 3, maxCellLength: 3 }).scan(text)).toThrow(/Row 1, column B/);
  });

  it('keeps a stray quote inside a quoted cell as text, as Papa Parse does', () => {
    const g = guard({ maxColumns: 2, maxCellLength: 20 });
    g.scan('"say "hi" now",2\n');
    g.end();
  });

  it('refuses a quote that is never closed at the end of the file', () => {
    const g = guard({ maxColumns: 3, maxCellLength: 100 });
    g.scan('a,b\n1,"open\n2,3\n');
    const err = refusal(() => g.end());
    expect(err.code).toBe('import/unreadable-file');
    expect(err.message).toContain('row 2 is never closed');
  });

  it('ends records at a lone CR when the file uses old Mac line ends', () => {
    const g = guard({ maxColumns: 2, maxCellLength: 5 }, { delimiter: ';', newline: '\r' });
    g.scan('a;b\r1;2\r3;4\r');
    g.end();
  });
});
