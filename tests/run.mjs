#!/usr/bin/env node
// `npm test`: type check, unit, build, integration and e2e suites, in that order.
// Runs inside a throwaway gnome-keyring session so keychain tests hit a real Secret Service,
// finds a PostgreSQL to start for the integration suites, and says LOUDLY which suites it had to
// skip and why. Under CI (CI=true) a missing component is a failure, not a skip.
// Usage: npm test [-- typecheck unit build integration e2e]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ci = ['1', 'true'].includes(String(process.env.CI).toLowerCase());
const all = ['typecheck', 'unit', 'build', 'integration', 'e2e'];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : all;
for (const w of wanted) if (!all.includes(w)) fail(`unknown suite '${w}' (choose from ${all.join(', ')})`);

const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || null;
function fail(message) {
  console.error(`\n[atlas test] ${message}`);
  process.exit(1);
}

// 1. A real Secret Service: re-run this script inside tests/with-keyring.sh (a throwaway D-Bus
// session with gnome-keyring unlocked).
if (!process.env.ATLAS_TEST_KEYRING) {
  if (which('dbus-run-session') && which('gnome-keyring-daemon') && which('dbus-send')) {
    const child = spawn('sh', ['tests/with-keyring.sh', 'node', 'tests/run.mjs', ...wanted], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ATLAS_TEST_KEYRING: 'gnome-keyring' },
    });
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    await new Promise(() => {});
  }
  process.env.ATLAS_TEST_KEYRING = 'none';
}

const skipped = [];
const env = { ...process.env };
if (env.ATLAS_TEST_KEYRING === 'gnome-keyring') {
  env.ATLAS_REQUIRE_KEYCHAIN = '1';
} else {
  skipped.push('keychain-backed tests (replica, session, sync, browser shell, e2e): no dbus-run-session + gnome-keyring-daemon + dbus-send (apt: dbus gnome-keyring)');
}

// 2. PostgreSQL binaries for the integration suites' throwaway server.
const pgBin = [process.env.ATLAS_PG_BIN, '/usr/local/bin', ...pgLibDirs()].find((d) => d && existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
if (pgBin) env.ATLAS_PG_BIN = pgBin;
else skipped.push('integration against real PostgreSQL: no initdb/pg_ctl found (apt: postgresql, or set ATLAS_PG_BIN)');

// 3. Debian Chromium for Playwright (no browser download here).
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (chromium) env.CHROMIUM_PATH = chromium;

function pgLibDirs() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return [];
  return readdirSync(base).sort().reverse().map((v) => join(base, v, 'bin'));
}

const results = [];
const reports = mkdtempSync(join(tmpdir(), 'atlas-test-reports-'));

function run(name, cmd, args, extraEnv = {}) {
  console.log(`\n━━━ ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  const ok = r.status === 0;
  results.push({ name, ok });
  return ok;
}

function vitestCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const j = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: j.numPassedTests, failed: j.numFailedTests + (j.numTotalTestSuites === 0 ? 1 : 0), skipped: j.numPendingTests + j.numTodoTests };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (c) => {
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
};

if (wanted.includes('typecheck') && !run('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])) totals.failed += 1;
if (wanted.includes('unit')) {
  const out = join(reports, 'unit.json');
  run('unit tests', 'npx', ['vitest', 'run', '--config', 'tests/vitest.unit.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  add(vitestCounts(out));
}
if (wanted.includes('build') || wanted.includes('e2e')) {
  if (!run('build (electron-vite)', 'npx', ['electron-vite', 'build'])) totals.failed += 1;
}
if (wanted.includes('integration')) {
  const out = join(reports, 'integration.json');
  run('integration tests', 'npx', ['vitest', 'run', '--config', 'tests/vitest.integration.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  add(vitestCounts(out));
}
if (wanted.includes('e2e')) {
  if (!chromium) {
    skipped.push('e2e (Playwright): Debian Chromium not found at /usr/bin/chromium (apt: chromium) or CHROMIUM_PATH');
  } else if (env.ATLAS_TEST_KEYRING !== 'gnome-keyring') {
    skipped.push('e2e (Playwright): the browser shell needs a Secret Service for the replica key');
  } else {
    const out = join(reports, 'e2e.json');
    run('e2e tests (Playwright, Debian Chromium)', 'npx', ['playwright', 'test', '--config', 'tests/e2e/playwright.config.ts'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    add(playwrightCounts(out));
  }
}
rmSync(reports, { recursive: true, force: true });

console.log('\n━━━ summary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}`);
if (skipped.length) {
  console.log('\n  !!! SKIPPED SUITES — these did NOT run on this machine:');
  for (const s of skipped) console.log(`  !!!   ${s}`);
  if (ci) {
    console.log('  !!! CI=true: a skipped suite is a failure.');
    totals.failed += skipped.length;
  }
}
console.log(`\natlas: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 && results.every((r) => r.ok) ? 0 : 1);
