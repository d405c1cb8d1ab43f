import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { UserRound } from 'lucide-react';
import { useEffect, useState } from 'react';
import { updateProfileInput } from '../../../shared/auth/privacy-schemas';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { blankAsNull, useValidatedSave } from '../../components/use-validated-save';
import { Confirmation } from '../movements/form-bits';

const FIELDS = ['name', 'phone'] as const;

/**
 * The person's own name and phone (GDPR Art. 16, rectification). The email is the sign-in name
 * and the company's administrator changes it, so it is shown read-only. The server keeps the
 * phone encrypted (AES-256-GCM).
 */
export function ProfileCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const profile = useQuery(trpc.account.profile.queryOptions());
  const save = useMutation(
    trpc.account.updateProfile.mutationOptions({
      onSuccess: async (data) => {
        queryClient.setQueryData(trpc.account.profile.queryKey(), data);
        // The name in the top bar and the screen's subtitle come from the session.
        await queryClient.invalidateQueries({ queryKey: trpc.session.current.queryKey() });
      },
    }),
  );
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const { problems, done, failure, submit } = useValidatedSave({ fields: FIELDS, schema: updateProfileInput, mutation: save, savedMessage: 'Your profile is saved.' });

  useEffect(() => {
    if (!profile.data) return;
    setName(profile.data.name);
    setPhone(profile.data.phone ?? '');
  }, [profile.data]);

  return (
    <Card className="p-4" role="region" aria-labelledby="profile-title">
      <h2 id="profile-title" className="mb-2 flex items-center gap-2 text-[14px] font-semibold">
        <UserRound aria-hidden="true" className="size-4" /> Profile
      </h2>
      <Confirmation>{done}</Confirmation>
      {profile.isError ? <Alert title="Your profile could not be loaded">{toAppError(profile.error).message}</Alert> : null}
      {failure ? <Alert title="Your profile was not saved" className="mb-2">{failure}</Alert> : null}
      {profile.data ? (
        <form noValidate onSubmit={(e) => void submit(e, { name, phone: blankAsNull(phone) })} className="grid max-w-xl grid-cols-2 gap-3">
          <Field label="Full name" autoComplete="name" value={name} error={problems.name} onChange={(e) => setName(e.target.value)} />
          <Field label="Phone" type="tel" autoComplete="tel" inputMode="tel" placeholder="+1 555 010 0199" value={phone} error={problems.phone} onChange={(e) => setPhone(e.target.value)} />
          <Field label="Email" type="email" className="col-span-2" value={profile.data.email} readOnly description="Your sign-in name. Your administrator can change it." />
          <div className="col-span-2">
            <Button type="submit" variant="primary" size="sm" busy={save.isPending}>
              Save profile
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
