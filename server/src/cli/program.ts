import { Command } from 'commander';
import { demoCommand } from './demo-command';
import { docsCommand } from './docs-command';
import { gs1Command } from './gs1-command';
import { importCommand } from './import-command';
import { keysCommand } from './keys-command';
import { ndcCommand } from './ndc-command';
import { serverCommand } from './server-command';
import { verifyCommand } from './verify-command';

/** The `atlas` command line; one sub-command per file. */
export function createProgram(): Command {
  return new Command('atlas')
    .description('Atlas pharmaceutical inventory platform: server and automation tools')
    .version('0.1.0')
    .addCommand(serverCommand())
    .addCommand(ndcCommand())
    .addCommand(gs1Command())
    .addCommand(importCommand())
    .addCommand(demoCommand())
    .addCommand(docsCommand())
    .addCommand(verifyCommand())
    .addCommand(keysCommand());
}
