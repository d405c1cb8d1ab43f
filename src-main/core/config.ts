import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';

/**
 * Desktop settings, parsed once at start. A bad value stops the app with a message that
 * names the variable, rather than failing later somewhere far from the cause.
 */
const schema = z.object({
  ATLAS_SERVER_URL: z
    .string()
    .url('must be a URL such as http://127.0.0.1:4000')
    .default('http://127.0.0.1:4000')
    .transform((url) => url.replace(/\/+$/, '')),
  ATLAS_DESKTOP_DATA: z.string().min(1).optional(),
  ATLAS_KEYCHAIN_SERVICE: z.string().min(1).default('atlas'),
  ATLAS_SHELL_PORT: z.coerce.number().int('must be a whole number').min(0).max(65535).default(0),
  ATLAS_IMPORT_PREVIEW_ROWS: z.coerce.number().int('must be a whole number').min(100, 'must be at least 100').max(2_000_000).default(500_000),
});

export interface DesktopConfig {
  serverUrl: string;
  dataDir: string;
  keychainService: string;
  shellPort: number;
  /** Most rows an import previews for correction; a longer file is checked and imported streamed. */
  importPreviewRows: number;
}

export function loadDesktopConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<DesktopConfig> = {}): DesktopConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'configuration';
    throw new AppError('config/invalid', `Setting ${name} is not valid: ${issue?.message ?? 'unknown problem'}.`);
  }
  const c = parsed.data;
  return {
    serverUrl: c.ATLAS_SERVER_URL,
    dataDir: resolve(c.ATLAS_DESKTOP_DATA ?? join(homedir(), '.atlas', 'desktop')),
    keychainService: c.ATLAS_KEYCHAIN_SERVICE,
    shellPort: c.ATLAS_SHELL_PORT,
    importPreviewRows: c.ATLAS_IMPORT_PREVIEW_ROWS,
    ...overrides,
  };
}
