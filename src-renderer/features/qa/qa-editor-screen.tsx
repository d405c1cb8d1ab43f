import { useMutation, useQuery } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../../../shared/qa/content';
import { toAppError } from '../../app/app-error';
import { qaDocHref, screenHref } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { navigate, useGoBack } from '../../app/use-route';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { Screen } from '../../components/screen';
import { Spinner } from '../../components/spinner';
import { useEscapeKey } from '../../components/use-escape-key';
import { FormActions } from '../movements/form-bits';
import { checkDraft, draftFromContent, emptyDraft, type Draft, type DraftErrors } from './content-draft';
import { CoaForm, GdpForm, GmpForm } from './content-forms';
import { useQaAfterChange } from './use-qa';

export type EditorMode = { kind: 'new'; docType: DocumentType } | { kind: 'edit'; documentId: string };

/** A new draft, or the current draft of a record (saving an edit makes a new version; 11.10(e)). */
export function QaEditorScreen({ mode }: { mode: EditorMode }) {
  const trpc = useTRPC();
  const doc = useQuery({ ...trpc.qa.get.queryOptions({ documentId: mode.kind === 'edit' ? mode.documentId : '' }), enabled: mode.kind === 'edit' });
  if (mode.kind === 'new') return <Editor docType={mode.docType} initial={emptyDraft(mode.docType)} documentId={null} />;
  if (doc.isPending) {
    return (
      <div role="status" className="flex flex-1 items-center justify-center gap-2 text-muted">
        <Spinner /> Loading the draft…
      </div>
    );
  }
  if (doc.isError) {
    return (
      <div className="p-4">
        <Alert title="This record could not be opened">{toAppError(doc.error).message}</Alert>
      </div>
    );
  }
  const view = doc.data;
  const record = view.current.record;
  return <Editor docType={view.type} initial={draftFromContent(view.type, record.title, record.content)} documentId={view.documentId} version={record.version} status={view.current.status} />;
}

function Editor({ docType, initial, documentId, version, status }: { docType: DocumentType; initial: Draft; documentId: string | null; version?: number; status?: string }) {
  const trpc = useTRPC();
  const goBack = useGoBack();
  const afterChange = useQaAfterChange();
  const [draft, setDraft] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const checked = checkDraft(draft);
  const errors: DraftErrors = submitted && !checked.ok ? checked.errors : {};
  const create = useMutation(trpc.qa.create.mutationOptions());
  const edit = useMutation(trpc.qa.edit.mutationOptions());
  const saving = create.isPending || edit.isPending;
  const failure = create.error ?? edit.error;
  useEscapeKey(goBack, !saving);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!checked.ok || saving) {
      // Focus the first field that needs fixing.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const body = { title: checked.title, content: checked.content };
    try {
      if (documentId === null) {
        const created = await create.mutateAsync({ type: docType, ...body });
        await afterChange();
        navigate(qaDocHref(created.documentId));
      } else {
        await edit.mutateAsync({ documentId, ...body });
        await afterChange();
        navigate(qaDocHref(documentId));
      }
    } catch {
      // Shown from the mutation's error below.
    }
  }

  const label = DOCUMENT_TYPE_LABELS[docType];
  const Form = docType === 'coa' ? CoaForm : docType === 'gdp' ? GdpForm : GmpForm;
  return (
    <Screen
      title={documentId === null ? `New ${label}` : `Edit draft: ${initial.title}`}
      subtitle={
        documentId === null
          ? 'A draft until it is signed. Every saved change is kept in the audit trail with the values before and after.'
          : `Version ${version ?? ''} (${status ?? 'draft'}). Saving creates the next version; the one it replaces stays in the history.`
      }
      actions={
        <Button variant="ghost" size="sm" icon={<ArrowLeft aria-hidden="true" className="size-3.5" />} onClick={() => navigate(documentId ? qaDocHref(documentId) : screenHref('qa'))}>
          Back
        </Button>
      }
    >
      <Card className="max-w-5xl p-4">
        <form noValidate onSubmit={(e) => void save(e)} className="flex flex-col gap-4" aria-label={`${label} form`}>
          {failure ? <Alert title="Not saved">{toAppError(failure).message}</Alert> : null}
          {submitted && !checked.ok ? <Alert title="Some details need fixing">Each problem is shown beside its field.</Alert> : null}
          <Field
            label="Title"
            autoFocus
            autoComplete="off"
            placeholder={docType === 'coa' ? 'CoA Amoxicillin 500 mg lot 0042/A' : docType === 'gdp' ? 'Temperature excursion, dock 2, 12 Mar' : 'Deviation DEV-2026-014'}
            description="How the record is named on screen and in print."
            value={draft.title}
            error={errors['title']}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
          <Form draft={draft} errors={errors} onChange={setDraft} />
          <FormActions escHint="goes back without saving">
            <Button type="submit" variant="primary" busy={saving}>
              {documentId === null ? 'Save draft' : 'Save new version'}
            </Button>
          </FormActions>
        </form>
      </Card>
    </Screen>
  );
}
