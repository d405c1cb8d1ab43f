#!/usr/bin/env node
// The `atlas` binary. The server runs its TypeScript sources directly (no build step), so tsx's
// ESM loader is registered before the CLI module is imported.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
