import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from '../../../shared/qa/content';
import { REQUIRED_MEANINGS, type Policy } from '../../../shared/qa/policy';
import { MEANING_LABELS } from '../../../shared/qa/signature';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { CheckboxField } from '../../components/checkbox-field';
import { Cell, HeaderCell, Row, Table } from '../../components/table';
import { Confirmation } from '../movements/form-bits';
import { useCurrentUser, useQaAfterChange } from './use-qa';

/**
 * The signatures each record type needs before it is approved (issue 5: configurable author,
 * reviewer and QA approval, a different person each). The approval is always required; an
 * administrator chooses whether authorship and review are signed too. Everyone else sees it read-only.
 */
export function QaPolicyCard() {
  const trpc = useTRPC();
  const user = useCurrentUser();
  const afterChange = useQaAfterChange();
  const current = useQuery(trpc.qa.policy.queryOptions());
  const save = useMutation(trpc.qa.setPolicy.mutationOptions());
  const [draft, setDraft] = useState<Policy | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (current.data && !draft) setDraft(current.data);
  }, [current.data, draft]);
  const admin = user?.role === 'admin';
  const changed = !!draft && !!current.data && JSON.stringify(draft) !== JSON.stringify(current.data);

  function toggle(type: (typeof DOCUMENT_TYPES)[number], meaning: 'authored' | 'reviewed', on: boolean) {
    if (!draft) return;
    const wanted = new Set(draft[type]);
    if (on) wanted.add(meaning);
    else wanted.delete(meaning);
    setDraft({ ...draft, [type]: REQUIRED_MEANINGS.filter((m) => wanted.has(m) || m === 'approved') });
    setDone(null);
  }

  async function submit() {
    if (!draft || save.isPending) return;
    try {
      await save.mutateAsync(draft);
      setDone('The signature policy was changed. It applies to signatures from now on and is recorded in the company ledger at the next sync.');
      await afterChange();
    } catch {
      // Shown below.
    }
  }

  return (
    <Card className="overflow-hidden">
      <h2 className="px-3 pt-3 text-[14px] font-semibold">Signature policy</h2>
      <p className="px-3 pb-2 text-[13px] text-muted">
        The signatures a record needs before it is approved, in this order, each by a different person. QA approval is always required.
        {admin ? '' : ' Only an administrator can change it.'}
      </p>
      {current.isError ? <Alert title="The policy could not be read">{toAppError(current.error).message}</Alert> : null}
      {draft ? (
        <Table>
          <caption className="sr-only">Required signatures per record type</caption>
          <thead>
            <tr>
              <HeaderCell>Record type</HeaderCell>
              <HeaderCell>Authored</HeaderCell>
              <HeaderCell>Reviewed</HeaderCell>
              <HeaderCell>Approved</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {DOCUMENT_TYPES.map((type) => (
              <Row key={type}>
                <Cell className="font-medium">{DOCUMENT_TYPE_LABELS[type]}</Cell>
                {(['authored', 'reviewed'] as const).map((meaning) => (
                  <Cell key={meaning}>
                    <CheckboxField
                      label={`${MEANING_LABELS[meaning].split(' (')[0]} required for ${DOCUMENT_TYPE_LABELS[type]}`}
                      className="[&_label]:sr-only"
                      checked={draft[type].includes(meaning)}
                      disabled={!admin}
                      onChange={(e) => toggle(type, meaning, e.target.checked)}
                    />
                  </Cell>
                ))}
                <Cell className="text-muted">Always</Cell>
              </Row>
            ))}
          </tbody>
        </Table>
      ) : null}
      {admin ? (
        <div className="flex flex-col gap-2 p-3">
          {save.error ? <Alert title="The policy was not changed">{toAppError(save.error).message}</Alert> : null}
          <Confirmation>{done}</Confirmation>
          <div>
            <Button variant="primary" size="sm" busy={save.isPending} aria-disabled={!changed || undefined} onClick={() => (changed ? void submit() : undefined)}>
              Save signature policy
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
