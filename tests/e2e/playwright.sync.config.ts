import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * Only the self-contained e2e specs (offline sync; QA documents, issue 5; MFA and team/personal data, issue 6; a spreadsheet too long to preview, issue 4), without the account
 * suite's global setup (each spec starts its own server and terminals); one alone with e.g.
 * `npx playwright test --config tests/e2e/playwright.sync.config.ts qa.spec.ts`. `node tests/run.mjs e2e` runs it too, with the account suite. Alone, it
 * needs the built renderer and a Secret Service session, as tests/run.mjs sets up:
 *   npx electron-vite build
 *   d=$(mktemp -d); mkdir -p $d/data $d/run; chmod 700 $d/run
 *   XDG_DATA_HOME=$d/data XDG_RUNTIME_DIR=$d/run dbus-run-session -- sh -c 'printf %s x | \
 *     gnome-keyring-daemon --unlock --components=secrets >/dev/null && \
 *     npx playwright test --config tests/e2e/playwright.sync.config.ts'
 */
export default defineConfig({
  ...base,
  globalSetup: undefined,
  testMatch: ['offline-sync.spec.ts', 'qa.spec.ts', 'mfa.spec.ts', 'team.spec.ts', 'import-streamed.spec.ts'],
});
