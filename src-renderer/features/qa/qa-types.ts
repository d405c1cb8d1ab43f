import type { RouterOutputs } from '../../app/router-types';

/** The QA views as they arrive through the desktop router (shared/qa/views.ts, after serialisation). */
export type QaDocument = RouterOutputs['qa']['get'];
export type QaVersion = QaDocument['versions'][number];
export type QaSignature = QaVersion['signatures'][number];
export type QaAuditEvent = QaDocument['audit'][number];
export type QaLedger = RouterOutputs['qa']['ledger'];
export type QaKey = RouterOutputs['qa']['keys'][number];
