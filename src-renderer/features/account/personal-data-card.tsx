import { useMutation } from '@tanstack/react-query';
import { FileDown } from 'lucide-react';
import { useState } from 'react';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Confirmation } from '../movements/form-bits';
import { downloadDataUrl, textDataUrl } from '../qa/download';

/**
 * GDPR Art. 15 (access) and Art. 20 (portability): one JSON file with what Atlas holds about the
 * signed-in person. The server builds it and records the export in the audit trail.
 */
export function PersonalDataCard() {
  const trpc = useTRPC();
  const [done, setDone] = useState<string | null>(null);
  const exportData = useMutation(
    trpc.account.exportMyData.mutationOptions({
      onSuccess: ({ fileName, json }) => {
        downloadDataUrl(fileName, textDataUrl('application/json', json));
        setDone(`Saved as ${fileName} in your downloads.`);
      },
    }),
  );
  return (
    <Card className="p-4" role="region" aria-labelledby="personal-data-title">
      <h2 id="personal-data-title" className="mb-1 flex items-center gap-2 text-[14px] font-semibold">
        <FileDown aria-hidden="true" className="size-4" /> Your personal data
      </h2>
      <p className="text-[13px] text-fg/90">
        Download everything Atlas holds about you as one JSON file: your profile (name, email, phone), your companies and roles, your sign-in sessions and trusted computers, whether two-step verification is on (never its key or your backup codes), the security events about you, your signing keys and the QA records you signed, and the invitations you sent.
      </p>
      <div className="mt-2">
        <Confirmation>{done}</Confirmation>
      </div>
      {exportData.isError ? <Alert title="Your data was not downloaded" className="mt-2">{toAppError(exportData.error).message}</Alert> : null}
      <div className="mt-3">
        <Button size="sm" icon={<FileDown aria-hidden="true" className="size-3.5" />} busy={exportData.isPending} onClick={() => { setDone(null); exportData.mutate(); }}>
          Download my personal data
        </Button>
      </div>
    </Card>
  );
}
