import { useMutation, useQuery } from '@tanstack/react-query';
import { ArrowLeft, Ban, FileDown, FileJson, FilePen, PenLine, ShieldCheck, ThumbsDown } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { DOCUMENT_TYPE_LABELS } from '../../../shared/qa/content';
import { toAppError } from '../../app/app-error';
import { qaEditHref, screenHref } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { navigate } from '../../app/use-route';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Spinner } from '../../components/spinner';
import { Confirmation } from '../movements/form-bits';
import { AuditTrail, VersionHistory } from './audit-trail';
import { ContentView } from './content-view';
import { base64DataUrl, downloadDataUrl, textDataUrl } from './download';
import { LedgerStrip } from './ledger-strip';
import { PendingSyncBadge, QaStatusBadge } from './qa-badges';
import { formatUtc, MEANING_ACTION } from './qa-format';
import { ReasonDialog } from './reason-dialog';
import { SignatureList, SignatureSteps } from './signatures-panel';
import { SignDialog, type SignTarget } from './sign-dialog';
import { useCurrentUser, useQaAfterChange, useQaLedger } from './use-qa';
import { VerifyResult } from './verify-panel';
import type { QaDocument } from './qa-types';

/** One GxP record: its content with every signature's manifestation, the workflow, the audit trail and the history. */
export function QaDetailScreen({ documentId }: { documentId: string }) {
  const trpc = useTRPC();
  const ledger = useQaLedger();
  const doc = useQuery(trpc.qa.get.queryOptions({ documentId }));
  if (doc.isPending) {
    return (
      <div role="status" className="flex flex-1 items-center justify-center gap-2 text-muted">
        <Spinner /> Loading the record…
      </div>
    );
  }
  if (doc.isError) {
    return (
      <div className="p-4">
        <Alert title="This record could not be shown">{toAppError(doc.error).message}</Alert>
      </div>
    );
  }
  return <Detail view={doc.data} ledger={<LedgerStrip ledger={ledger.data} />} />;
}

function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-[14px] font-semibold">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

function Detail({ view, ledger }: { view: QaDocument; ledger: ReactNode }) {
  const trpc = useTRPC();
  const user = useCurrentUser();
  const afterChange = useQaAfterChange();
  const keyStatus = useQuery(trpc.qa.keyStatus.queryOptions());
  const [selected, setSelected] = useState(view.current.record.version);
  const [signTarget, setSignTarget] = useState<SignTarget | null>(null);
  const [reasonFor, setReasonFor] = useState<'amend' | 'void' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [verifyRequested, setVerifyRequested] = useState(false);

  const shown = view.versions.find((v) => v.record.version === selected) ?? view.current;
  const isCurrent = shown.record.version === view.current.record.version;
  const versionArg = isCurrent ? {} : { version: selected };
  const verify = useQuery({ ...trpc.qa.verify.queryOptions({ documentId: view.documentId, ...versionArg }), enabled: verifyRequested, staleTime: 0, gcTime: 0, retry: false });
  const exportPdf = useMutation(trpc.qa.exportPdf.mutationOptions({ onSuccess: (r) => downloadDataUrl(r.fileName, base64DataUrl('application/pdf', r.base64)) }));
  const exportBundle = useMutation(trpc.qa.exportBundle.mutationOptions({ onSuccess: (r) => downloadDataUrl(r.fileName, textDataUrl('application/json', r.json)) }));
  const amend = useMutation(
    trpc.qa.amend.mutationOptions({
      onSuccess: async () => {
        setReasonFor(null);
        await afterChange();
        navigate(qaEditHref(view.documentId));
      },
    }),
  );
  const voidDoc = useMutation(
    trpc.qa.void.mutationOptions({
      onSuccess: async () => {
        setReasonFor(null);
        setDone('Voided. The record and its history are kept; it can no longer be signed.');
        await afterChange();
      },
    }),
  );

  const status = view.current.status;
  const signatures = view.current.signatures;
  const canEdit = status === 'draft' && signatures.length === 0;
  const canReject = status === 'in-review' || (status === 'draft' && signatures.some((s) => s.signature.manifestation.meaning === 'authored'));
  const canAmend = status === 'approved' || status === 'rejected';
  const canVoid = status !== 'voided' && status !== 'superseded';
  const exportError = exportPdf.error ?? exportBundle.error;

  return (
    <section aria-labelledby="qa-doc-heading" className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto p-4">
      <div>
        <Button variant="ghost" size="sm" className="-ml-2" icon={<ArrowLeft aria-hidden="true" className="size-3.5" />} onClick={() => navigate(screenHref('qa'))}>
          QA documents
        </Button>
      </div>
      {ledger}
      <Card className="flex flex-col gap-4 p-4">
        <header className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <p className="text-[12px] font-medium tracking-wide text-muted uppercase">{DOCUMENT_TYPE_LABELS[view.type]}</p>
            <h1 id="qa-doc-heading" className="text-[18px] font-semibold tracking-tight">
              {view.title}
            </h1>
            <p className="mt-0.5 flex flex-wrap items-center gap-2 text-[12.5px] text-muted">
              <span>
                Version {view.current.record.version} · written by {view.current.record.createdBy.printedName} on {formatUtc(view.current.record.createdAt)}
              </span>
              <span data-testid="doc-status">
                <QaStatusBadge status={status} />
              </span>
              {view.pending ? <PendingSyncBadge /> : null}
            </p>
            <div className="mt-2">
              <SignatureSteps required={view.required} signatures={signatures} />
            </div>
          </div>
          <div className="flex flex-col items-end gap-1.5">
            <div className="flex flex-wrap items-center justify-end gap-2">
              {view.nextMeaning ? (
                <Button variant="primary" disabled={!view.canSign.allowed} icon={<PenLine aria-hidden="true" className="size-4" />} onClick={() => setSignTarget({ meaning: view.nextMeaning ?? 'authored' })}>
                  {MEANING_ACTION[view.nextMeaning]}
                </Button>
              ) : null}
              {canReject ? (
                <Button icon={<ThumbsDown aria-hidden="true" className="size-4" />} onClick={() => setSignTarget({ meaning: 'rejected' })}>
                  Reject
                </Button>
              ) : null}
              {canEdit ? (
                <a href={qaEditHref(view.documentId)} className="inline-flex h-8 items-center gap-2 rounded-md border border-line-strong bg-surface px-3 text-[13px] font-medium shadow-xs hover:bg-surface-2">
                  <FilePen aria-hidden="true" className="size-4" /> Edit draft
                </a>
              ) : null}
              {canAmend ? <Button onClick={() => setReasonFor('amend')}>Amend</Button> : null}
              {canVoid ? (
                <Button icon={<Ban aria-hidden="true" className="size-4" />} onClick={() => setReasonFor('void')}>
                  Void
                </Button>
              ) : null}
            </div>
            {view.nextMeaning && !view.canSign.allowed && view.canSign.why ? (
              <p data-testid="cannot-sign" className="max-w-md text-right text-[12.5px] text-warn">
                {view.canSign.why}
              </p>
            ) : null}
          </div>
        </header>
        <Confirmation>{done}</Confirmation>
        {!isCurrent ? (
          <Alert tone="info" title={`Showing version ${shown.record.version} (${shown.status})`}>
            <Button variant="link" onClick={() => setSelected(view.current.record.version)}>
              Back to the current version
            </Button>
          </Alert>
        ) : null}
        <Section title="Content">
          <ContentView record={shown.record} />
        </Section>
        <Section title={`Signatures on version ${shown.record.version}`}>
          <SignatureList signatures={shown.signatures} />
        </Section>
        <Section
          title="Verification and export"
          actions={
            <div className="flex flex-wrap gap-2">
              <Button
                size="sm"
                icon={<ShieldCheck aria-hidden="true" className="size-3.5" />}
                busy={verify.isFetching}
                onClick={() => (verifyRequested ? void verify.refetch() : setVerifyRequested(true))}
              >
                Verify
              </Button>
              <Button size="sm" icon={<FileDown aria-hidden="true" className="size-3.5" />} busy={exportPdf.isPending} onClick={() => exportPdf.mutate({ documentId: view.documentId, ...versionArg })}>
                Export PDF
              </Button>
              <Button size="sm" icon={<FileJson aria-hidden="true" className="size-3.5" />} busy={exportBundle.isPending} onClick={() => exportBundle.mutate({ documentId: view.documentId, ...versionArg })}>
                Export JSON bundle
              </Button>
            </div>
          }
        >
          <p className="text-[12.5px] text-muted">
            Verify checks this version against this computer’s verified copy of the ledger: the record hash, each signature against the key registered at the time, the inclusion proofs and the server’s signed tree head. The JSON
            bundle lets anyone check the same offline with <code className="font-mono">atlas verify</code>.
          </p>
          {verify.isError ? <Alert title="Could not verify">{toAppError(verify.error).message}</Alert> : null}
          {verify.data && !verify.isFetching ? <VerifyResult report={verify.data} /> : null}
          {exportError ? <Alert title="Could not export">{toAppError(exportError).message}</Alert> : null}
        </Section>
      </Card>
      <Card className="flex flex-col gap-4 p-4">
        <Section title="Audit trail">
          <AuditTrail events={view.audit} />
        </Section>
        <Section title="Version history">
          <VersionHistory versions={view.versions} selected={shown.record.version} onSelect={setSelected} />
        </Section>
      </Card>
      <SignDialog doc={view} target={signTarget} printedName={user?.name ?? ''} hasKey={keyStatus.data?.hasKey ?? true} onClose={() => setSignTarget(null)} onSigned={setDone} />
      <ReasonDialog
        open={reasonFor === 'amend'}
        title="Amend this record"
        explanation="Amending starts a new draft version from this one; this version and its signatures stay as they are. The new version needs every signature again."
        action="Amend"
        busy={amend.isPending}
        error={amend.error}
        onSubmit={(reason) => amend.mutate({ documentId: view.documentId, reason })}
        onClose={() => {
          amend.reset();
          setReasonFor(null);
        }}
      />
      <ReasonDialog
        open={reasonFor === 'void'}
        title="Void this record"
        explanation="Voiding records a new version marked void, with your reason; nothing is deleted and the history stays readable."
        action="Void"
        busy={voidDoc.isPending}
        error={voidDoc.error}
        onSubmit={(reason) => voidDoc.mutate({ documentId: view.documentId, reason })}
        onClose={() => {
          voidDoc.reset();
          setReasonFor(null);
        }}
      />
    </section>
  );
}
