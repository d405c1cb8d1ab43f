import { Copy, Download } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/button';
import { downloadDataUrl, textDataUrl } from '../qa/download';

/**
 * The 10 backup codes, shown once (the server keeps only their hashes, NIST SP 800-63B §5.1.2.2
 * look-up secrets). Copy and download are offered so nobody has to retype them.
 */
export function BackupCodesPanel({ codes, account }: { codes: readonly string[]; account: string }) {
  const [note, setNote] = useState<string | null>(null);
  const text = [`Atlas backup codes for ${account}`, `Created ${new Date().toISOString().slice(0, 10)}. Each code works once.`, '', ...codes, ''].join('\n');

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setNote('The codes are on the clipboard. Paste them into your password manager.');
    } catch {
      setNote('The clipboard is not available here. Select the codes and copy them, or download them.');
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-[13px]">
        <strong className="font-semibold">Save these codes now. They are shown only this once.</strong> Each one signs you in once if you lose your phone. Keep them somewhere safe, such as a password manager.
      </p>
      <ol aria-label="Backup codes" data-testid="backup-codes" className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md border border-line bg-surface-2 px-4 py-3 font-mono text-[14px] tracking-wide">
        {codes.map((code) => (
          <li key={code} className="tabular-nums select-all">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" icon={<Copy aria-hidden="true" className="size-3.5" />} onClick={() => void copy()}>
          Copy codes
        </Button>
        <Button size="sm" icon={<Download aria-hidden="true" className="size-3.5" />} onClick={() => downloadDataUrl('atlas-backup-codes.txt', textDataUrl('text/plain', text))}>
          Download as text file
        </Button>
      </div>
      <p role="status" className="text-[12.5px] text-muted">
        {note}
      </p>
    </div>
  );
}
