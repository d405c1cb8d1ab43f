import { Button } from '../../components/button';
import type { ServerState } from '../status/server-indicator';
import { AuthLayout } from './auth-layout';
import { BackupCodesPanel } from './backup-codes-panel';

/** After an enrolment that finished a sign-in: the backup codes, once, before the app opens. */
export function BackupCodesScreen({ server, codes, account, onDone }: { server: ServerState | null; codes: readonly string[]; account: string; onDone: () => void }) {
  return (
    <AuthLayout title="Two-step verification is on" subtitle="Keep your backup codes: they let you in if your phone is lost or reset." server={server} wide>
      <BackupCodesPanel codes={codes} account={account} />
      <Button variant="primary" size="lg" className="mt-4 w-full" onClick={onDone}>
        I have saved my backup codes — continue
      </Button>
    </AuthLayout>
  );
}
