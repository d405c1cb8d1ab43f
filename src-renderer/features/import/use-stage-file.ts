import { useCallback, useState } from 'react';
import type { SerializedError } from '../../../shared/errors';
import { toAppError } from '../../app/app-error';
import { useShellAuthorization } from '../../app/link-choice';
import { useTRPCClient } from '../../app/trpc';
import { navigate } from '../../app/use-route';
import { stageFile, StageFileError } from './stage-file';

export interface StagingState {
  /** The name of the file being handed to the core, while it is. */
  fileName: string | null;
  error: SerializedError | null;
}

/**
 * Hands a dropped or chosen file to the desktop core and opens the import screen on it. The
 * import that was open before is closed (its staged copy deleted) unless it is being committed.
 */
export function useStageFile(previous?: { id: string; closable: boolean }) {
  const client = useTRPCClient();
  const authorization = useShellAuthorization();
  const [state, setState] = useState<StagingState>({ fileName: null, error: null });

  const start = useCallback(
    async (file: File) => {
      setState({ fileName: file.name, error: null });
      try {
        const { id } = await stageFile(file, {
          pathFor: window.atlasFiles ? (f) => window.atlasFiles?.pathFor(f) ?? '' : undefined,
          openPath: (path) => client.imports.openPath.mutate({ path }),
          authorization,
        });
        if (previous?.closable) void client.imports.close.mutate({ id: previous.id }).catch(() => undefined);
        setState({ fileName: null, error: null });
        navigate({ screen: 'import', params: { import: id } });
      } catch (err) {
        setState({ fileName: null, error: err instanceof StageFileError ? err.error : toAppError(err) });
      }
    },
    [client, authorization, previous?.id, previous?.closable],
  );

  return { ...state, start, clearError: () => setState((s) => ({ ...s, error: null })) };
}
