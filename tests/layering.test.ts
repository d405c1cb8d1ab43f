import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Enforces the layering of STYLE.md: shared/ is pure, and nothing outside the thin Electron
// shell imports 'electron' (src-main/core must run under plain Node, as must the server).
const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.(test|fixture)\.tsx?$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((f) => !f.includes('node_modules'));
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

describe('layering', () => {
  it('shared/ imports no runtime-specific module (Node, Electron, database drivers, React)', () => {
    const forbidden = /^(node:|electron$|pg$|better-sqlite3$|@electric-sql\/|@napi-rs\/|react|fs$|path$|crypto$|os$)/;
    const offenders = sources('shared').flatMap((f) => imports(f).filter((i) => forbidden.test(i)).map((i) => `${f} → ${i}`));
    expect(offenders).toEqual([]);
  });

  it.each(['shared', 'server', 'src-main/core', 'src-main/db'])('%s never imports electron', (dir) => {
    const offenders = sources(dir).flatMap((f) => imports(f).filter((i) => i === 'electron' || i.startsWith('electron/')).map((i) => `${f} → ${i}`));
    expect(offenders).toEqual([]);
  });

  it('the renderer reaches the desktop only through the tRPC bridge (types only from src-main, no Node or Electron)', () => {
    const offenders = sources('src-renderer').flatMap((f) => {
      const text = readFileSync(join(root, f), 'utf8');
      const runtime = imports(f).filter((i) => /^(node:|electron$|better-sqlite3$|@napi-rs\/|pg$|drizzle-orm)/.test(i));
      const valueImportsOfMain = [...text.matchAll(/^import\s+(?!type\b)[^;]*from\s+['"]([^'"]*src-main\/[^'"]*)['"]/gm)].map((m) => m[1] ?? '');
      return [...runtime, ...valueImportsOfMain].map((i) => `${f} → ${i}`);
    });
    expect(offenders).toEqual([]);
  });

  it('process.env is read only where configuration is parsed', () => {
    const allowed = new Set(['server/src/config.ts', 'src-main/core/config.ts', 'src-main/windows/main-window.ts']);
    const offenders = [...sources('shared'), ...sources('server'), ...sources('src-main')].filter(
      (f) => !allowed.has(f) && /process\.env\b/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('reads fixtures from tests/fixtures only: a clean clone (CI) has nothing outside the repository', () => {
    const all = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(tsx?|mjs|sh)$/.test(e.name))
      .map((e) => relative(root, join(e.parentPath, e.name)))
      .filter((f) => !f.startsWith('node_modules') && !f.startsWith('.') && !f.startsWith('out/') && f !== 'tests/layering.test.ts');
    const offenders = all.filter((f) => /shared\/fixtures\/|\/work\/shared/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
