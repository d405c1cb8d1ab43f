import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { ColumnProfiler } from './column-profiler';
import type { Cell, ColumnProfile } from './types';

/** A real inventory sheet from tests/fixtures/import (see its README), as rows of cells. */
export function fixtureSheet(name: string): string[][] {
  const text = readFileSync(new URL(`../../tests/fixtures/import/${name}.csv`, import.meta.url), 'utf8');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

/** Profiles of the rows below the header, as the desktop's sheet analyser makes them. */
export function profilesOf(rows: readonly (readonly Cell[])[], columns = Math.max(0, ...rows.map((r) => r.length))): ColumnProfile[] {
  const profiler = new ColumnProfiler(columns);
  for (const row of rows) profiler.add(row);
  return profiler.result();
}
