export interface GridPosition {
  row: number;
  column: number;
}

/**
 * Where a key moves the active cell of a rows × columns grid, or null if the key is not a move
 * (WAI-ARIA APG "Data Grid" keyboard: arrows, Home/End in the row, Ctrl+Home/End, PageUp/Down).
 */
export function moveFor(key: string, ctrl: boolean, at: GridPosition, size: { rows: number; columns: number }, pageRows: number): GridPosition | null {
  if (size.rows === 0 || size.columns === 0) return null;
  const clamp = (p: GridPosition): GridPosition => ({ row: Math.max(0, Math.min(size.rows - 1, p.row)), column: Math.max(0, Math.min(size.columns - 1, p.column)) });
  switch (key) {
    case 'ArrowDown':
      return clamp({ ...at, row: at.row + 1 });
    case 'ArrowUp':
      return clamp({ ...at, row: at.row - 1 });
    case 'ArrowRight':
      return clamp({ ...at, column: at.column + 1 });
    case 'ArrowLeft':
      return clamp({ ...at, column: at.column - 1 });
    case 'PageDown':
      return clamp({ ...at, row: at.row + pageRows });
    case 'PageUp':
      return clamp({ ...at, row: at.row - pageRows });
    case 'Home':
      return clamp(ctrl ? { row: 0, column: 0 } : { ...at, column: 0 });
    case 'End':
      return clamp(ctrl ? { row: size.rows - 1, column: size.columns - 1 } : { ...at, column: size.columns - 1 });
    default:
      return null;
  }
}
