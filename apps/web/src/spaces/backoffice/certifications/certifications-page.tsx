import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import type { CertificationType } from '../../../gql/graphql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';
import { SelectField } from '../shared/choice-fields';
import { CoopGate } from '../shared/coop-gate';
import { FileUploadField } from '../shared/file-field';
import { isoDate } from '../shared/rules';
import type { UploadedAsset } from '../shared/upload';

const CoopAddCertificationDocument = graphql(`
  mutation CoopAddCertification($cooperativeId: ID!, $input: CertificationInput!) {
    addCertification(cooperativeId: $cooperativeId, input: $input) {
      id
      type
      reference
      issuedOn
      expiresOn
      verified
      valid
    }
  }
`);

const TYPES: readonly CertificationType[] = [
  'FOOD_SAFETY_AUTHORIZATION',
  'GEOGRAPHICAL_INDICATION',
  'NATIONAL_STANDARD',
  'ORGANIC',
  'OTHER',
];

interface Added {
  id: string;
  type: CertificationType;
  reference: string;
  issuedOn: string;
  verified: boolean;
}

function Certifications(props: { cooperativeId: string }) {
  const t = useMessages(backofficeMessages);
  const [document, setDocument] = useState<UploadedAsset | null>(null);
  const [added, setAdded] = useState<Added[]>([]);
  const form = useForm({
    initial: { type: '', reference: '', issuedOn: '', expiresOn: '' },
    rules: {
      type: [required],
      reference: [required, maxLength(120)],
      issuedOn: [required, isoDate],
      expiresOn: [isoDate],
    },
  });
  const [, add] = useMutation(CoopAddCertificationDocument);
  return (
    <section>
      <h1>{t('certifications.title')}</h1>
      <p>{t('certifications.hint')}</p>
      {added.length ? (
        <ul>
          {added.map((c) => (
            <li key={c.id}>
              {t(`certificationType.${c.type}`)} — {c.reference} — {c.issuedOn} —{' '}
              {c.verified ? t('certifications.verified') : t('certifications.awaiting')}
            </li>
          ))}
        </ul>
      ) : null}
      <form
        noValidate
        aria-labelledby="certification-title"
        onSubmit={form.handleSubmit(async (v) => {
          const result = await add({
            cooperativeId: props.cooperativeId,
            input: {
              type: v.type as CertificationType,
              reference: v.reference.trim(),
              issuedOn: v.issuedOn,
              expiresOn: v.expiresOn || null,
              documentAssetId: document?.id ?? null,
            },
          });
          const created = result.data?.addCertification;
          if (created) {
            setAdded((list) => [created, ...list]);
            setDocument(null);
            form.set('reference', '');
          }
          return result.error;
        })}
      >
        <h2 id="certification-title">{t('certifications.add')}</h2>
        <SelectField
          form={form}
          name="type"
          label={t('certifications.type')}
          placeholder={t('form.choose')}
          options={TYPES.map((c) => ({ value: c, label: t(`certificationType.${c}`) }))}
        />
        <TextField form={form} name="reference" label={t('certifications.reference')} />
        <TextField form={form} name="issuedOn" label={t('certifications.issuedOn')} type="date" />
        <TextField form={form} name="expiresOn" label={t('certifications.expiresOn')} type="date" />
        <FileUploadField
          label={t('certifications.document')}
          accept="application/pdf,image/jpeg,image/png,image/webp"
          uploadingText={t('upload.busy')}
          onUploaded={setDocument}
        />
        {document ? <p>{t('certifications.documentReady')}</p> : null}
        <FormError form={form} />
        <button type="submit" className="primary" disabled={form.submitting}>
          {t('certifications.add')}
        </button>
      </form>
    </section>
  );
}

/** /coop/certifications: adds a certificate with its document (an admin verifies it). */
export default function CertificationsPage() {
  return <CoopGate>{(m) => <Certifications cooperativeId={m.cooperative.id} />}</CoopGate>;
}
