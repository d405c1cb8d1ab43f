import { Alert } from '../../components/alert';
import type { AuthErrorView } from './describe-auth-error';

export function AuthErrorAlert<F extends string>({ view }: { view: AuthErrorView<F> | null }) {
  if (!view) return null;
  return (
    <Alert title={view.title} className="mb-4">
      {view.detail}
    </Alert>
  );
}
