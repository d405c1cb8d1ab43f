import { z } from 'zod';
import { dateOrderSchema, importTargetSchema } from '../../../shared/import/types';
import { procedure, router } from './trpc';

const id = z.object({ id: z.string().uuid() });
const column = z.number().int().nonnegative().max(10_000);
const commitChoice = id.extend({ mode: z.enum(['valid-only', 'all-or-nothing']), warehouse: z.string().trim().min(1, 'choose a warehouse').max(100), again: z.boolean().optional() });

/**
 * Spreadsheet imports (issue 4). A dropped file is staged (browser shell: POST /import/upload;
 * Electron and CLI: a local path), read in a worker, and then previewed, corrected and committed
 * here; the renderer polls `view` for progress.
 */
export const importsRouter = router({
  openPath: procedure
    .input(z.object({ path: z.string().min(1).max(4096), sheet: z.string().max(200).optional() }))
    .mutation(({ ctx, input }) => ctx.core.imports().open({ path: input.path }, input.sheet)),
  view: procedure.input(id).query(({ ctx, input }) => ctx.core.imports().view(input.id)),
  rows: procedure
    .input(id.extend({ offset: z.number().int().nonnegative().default(0), limit: z.number().int().positive().max(1_000).default(200), only: z.enum(['all', 'errors', 'warnings']).default('all') }))
    .query(({ ctx, input }) => ctx.core.imports().rows(input.id, input.offset, input.limit, input.only)),
  setSheet: procedure.input(id.extend({ sheet: z.string().min(1).max(200) })).mutation(({ ctx, input }) => ctx.core.imports().setSheet(input.id, input.sheet)),
  setHeaderRow: procedure
    .input(id.extend({ headerRow: z.number().int().min(0).max(1_000) }))
    .mutation(({ ctx, input }) => ctx.core.imports().setHeaderRow(input.id, input.headerRow)),
  setMapping: procedure
    .input(id.extend({ changes: z.array(z.object({ column, target: importTargetSchema.nullable() })).min(1).max(500) }))
    .mutation(({ ctx, input }) => ctx.core.imports().setMapping(input.id, input.changes)),
  setDateOrder: procedure
    .input(id.extend({ column, order: dateOrderSchema }))
    .mutation(({ ctx, input }) => ctx.core.imports().setDateOrder(input.id, input.column, input.order)),
  editCell: procedure
    .input(id.extend({ row: z.number().int().positive(), column, value: z.string().max(10_000) }))
    .mutation(({ ctx, input }) => ctx.core.imports().editCell(input.id, input.row, input.column, input.value)),
  commit: procedure.input(commitChoice).mutation(({ ctx, input }) => ctx.core.imports().commit(input.id, { mode: input.mode, warehouse: input.warehouse, again: input.again })),
  importWithoutPreview: procedure
    .input(commitChoice.extend({ sheet: z.string().min(1).max(200).optional() }))
    .mutation(({ ctx, input }) => ctx.core.imports().importWithoutPreview(input.id, { mode: input.mode, warehouse: input.warehouse, sheet: input.sheet, again: input.again })),
  cancel: procedure.input(id).mutation(({ ctx, input }) => ctx.core.imports().cancel(input.id)),
  close: procedure.input(id).mutation(({ ctx, input }) => ctx.core.imports().close(input.id)),
  history: procedure.query(({ ctx }) => ctx.core.imports().history()),
  undo: procedure.input(z.object({ importId: z.string().uuid() })).mutation(({ ctx, input }) => ctx.core.imports().undo(input.importId)),
  undoProgress: procedure.input(z.object({ importId: z.string().uuid() })).query(({ ctx, input }) => ctx.core.imports().undoProgress(input.importId)),
  warehouses: procedure.query(({ ctx }) => ctx.core.imports().warehouses()),
});
