import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Building2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { updateCompanyProfileInput } from '../../../shared/auth/privacy-schemas';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { blankAsNull, useValidatedSave } from '../../components/use-validated-save';
import { Confirmation } from '../movements/form-bits';

const FIELDS = ['address', 'licenceNumber'] as const;

/**
 * The company's address and licence number (a state pharmacy / wholesale distributor licence, a
 * DEA registration or an EU WDA number). Trading partners see them on documents; the server
 * stores both encrypted (AES-256-GCM). Only an administrator changes them.
 */
export function CompanyProfileCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const profile = useQuery(trpc.admin.companyProfile.queryOptions());
  const save = useMutation(
    trpc.admin.updateCompanyProfile.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.admin.companyProfile.queryKey(), data),
    }),
  );
  const [address, setAddress] = useState('');
  const [licence, setLicence] = useState('');
  const { problems, done, failure, submit } = useValidatedSave({ fields: FIELDS, schema: updateCompanyProfileInput, mutation: save, savedMessage: 'The company profile is saved.' });

  // The form starts from what the server holds, and again after each save.
  useEffect(() => {
    if (!profile.data) return;
    setAddress(profile.data.address ?? '');
    setLicence(profile.data.licenceNumber ?? '');
  }, [profile.data]);

  return (
    <Card className="p-4" role="region" aria-labelledby="company-profile-title">
      <h2 id="company-profile-title" className="mb-1 flex items-center gap-2 text-[14px] font-semibold">
        <Building2 aria-hidden="true" className="size-4" /> Company profile
      </h2>
      <p className="mb-2 text-[13px] text-muted">The address and licence trading partners see on your documents. Both are stored encrypted.</p>
      <Confirmation>{done}</Confirmation>
      {profile.isError ? <Alert title="The company profile could not be loaded">{toAppError(profile.error).message}</Alert> : null}
      {failure ? <Alert title="The company profile was not saved" className="mb-2">{failure}</Alert> : null}
      {profile.data ? (
        <form noValidate onSubmit={(e) => void submit(e, { address: blankAsNull(address), licenceNumber: blankAsNull(licence) })} className="grid max-w-3xl grid-cols-[2fr_1fr] gap-3">
          <Field label="Address" autoComplete="street-address" value={address} error={problems.address} onChange={(e) => setAddress(e.target.value)} />
          <Field
            label="Licence number"
            autoComplete="off"
            spellCheck={false}
            description="State licence, DEA registration or EU WDA number."
            value={licence}
            error={problems.licenceNumber}
            onChange={(e) => setLicence(e.target.value)}
          />
          <div className="col-span-2">
            <Button type="submit" variant="primary" size="sm" busy={save.isPending}>
              Save company profile
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
