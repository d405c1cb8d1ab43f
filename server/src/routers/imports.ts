import { suggestMappingInput, suggestMappingOutput } from '../services/ai/import-mapping-schemas';
import { authedProcedure, router } from '../trpc';

/** Spreadsheet imports (issue 4): the server's part is asking Claude about low-confidence columns. */
export const importsRouter = router({
  // A mutation: it spends the company's AI quota and records usage. Its AI failures are answers
  // (`path: 'deterministic'` with a note), never errors; only bad input or a sign-in problem throws.
  suggestMapping: authedProcedure
    .input(suggestMappingInput)
    .output(suggestMappingOutput)
    .mutation(({ ctx, input }) => ctx.services.importMapping.suggest(ctx.auth, input)),
});
