import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import type { RouterOutputs } from '../../app/router-types';
import { useTRPC } from '../../app/trpc';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { BackupCodesPanel } from '../auth/backup-codes-panel';
import { MfaEnrolPanel } from '../auth/mfa-enrol-panel';
import { Confirmation } from '../movements/form-bits';
import { CodeActionForm } from './code-action-form';

type MfaStatus = RouterOutputs['session']['mfaStatus'];
type Mode = { kind: 'idle' } | { kind: 'enrol' } | { kind: 'disable' } | { kind: 'regenerate' } | { kind: 'codes'; codes: string[] };

/** Two-step verification on "My account": on/off, backup codes left, new codes. */
export function MfaCard({ status, email }: { status: MfaStatus; email: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [done, setDone] = useState<string | null>(null);
  const disable = useMutation(trpc.session.mfaDisable.mutationOptions());
  const regenerate = useMutation(trpc.session.regenerateBackupCodes.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.session.mfaStatus.queryKey() });

  return (
    <Card className="p-4" aria-labelledby="mfa-card-title" role="region">
      <h2 id="mfa-card-title" className="mb-2 flex items-center gap-2 text-[14px] font-semibold">
        <ShieldCheck aria-hidden="true" className="size-4" /> Two-step verification
        {status.enabled ? <Badge tone="ok">On</Badge> : <Badge tone="warn">Off</Badge>}
        {status.required ? <Badge tone="accent">Required by your company</Badge> : null}
      </h2>
      <Confirmation>{done}</Confirmation>
      {status.enabled ? (
        <dl className="mt-2 grid grid-cols-[11rem_1fr] gap-x-3 gap-y-1 text-[13px]">
          <dt className="text-muted">Method</dt>
          <dd>Authenticator app (time-based codes)</dd>
          <dt className="text-muted">Backup codes left</dt>
          <dd data-testid="backup-codes-left">
            {status.backupCodesLeft} of 10{status.backupCodesLeft <= 3 ? <span className="ml-2 text-warn">Make new ones soon.</span> : null}
          </dd>
        </dl>
      ) : (
        <p className="text-[13px] text-fg/90">
          Sign-ins ask for a code from an app on your phone as well as your password, so a stolen password alone does not get in.
        </p>
      )}

      {mode.kind === 'idle' ? (
        <div className="mt-3 flex flex-wrap gap-2">
          {status.enabled ? (
            <>
              <Button size="sm" onClick={() => setMode({ kind: 'regenerate' })}>
                Make new backup codes
              </Button>
              <Button size="sm" disabled={status.required} title={status.required ? 'Your company requires two-step verification.' : undefined} onClick={() => setMode({ kind: 'disable' })}>
                Turn off two-step verification
              </Button>
            </>
          ) : (
            <Button variant="primary" size="sm" onClick={() => { setDone(null); setMode({ kind: 'enrol' }); }}>
              Set up two-step verification
            </Button>
          )}
        </div>
      ) : null}

      {mode.kind === 'enrol' ? (
        <div className="mt-3 max-w-xl">
          <MfaEnrolPanel
            trustChoice={false}
            onConfirmed={(out) => {
              setMode({ kind: 'codes', codes: out.backupCodes });
              void refresh();
            }}
            onCancel={() => setMode({ kind: 'idle' })}
          />
        </div>
      ) : null}
      {mode.kind === 'disable' ? (
        <CodeActionForm
          intro="Enter a current code to turn two-step verification off. Your backup codes and trusted computers stop working."
          submitLabel="Turn off"
          busy={disable.isPending}
          onCancel={() => setMode({ kind: 'idle' })}
          onSubmit={async (code) => {
            await disable.mutateAsync({ code });
            setMode({ kind: 'idle' });
            setDone('Two-step verification is off.');
            await refresh();
          }}
        />
      ) : null}
      {mode.kind === 'regenerate' ? (
        <CodeActionForm
          intro="Enter a current code to make 10 new backup codes. The old ones stop working."
          submitLabel="Make new codes"
          busy={regenerate.isPending}
          onCancel={() => setMode({ kind: 'idle' })}
          onSubmit={async (code) => {
            const out = await regenerate.mutateAsync({ code });
            setMode({ kind: 'codes', codes: out.backupCodes });
            await refresh();
          }}
        />
      ) : null}
      {mode.kind === 'codes' ? (
        <div className="mt-3 max-w-xl">
          <h3 className="mb-2 text-[13.5px] font-semibold">Your backup codes</h3>
          <BackupCodesPanel codes={mode.codes} account={email} />
          <Button variant="primary" size="sm" className="mt-3" onClick={() => { setMode({ kind: 'idle' }); setDone('Two-step verification is on. Your backup codes are saved only where you put them.'); }}>
            I have saved them
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
