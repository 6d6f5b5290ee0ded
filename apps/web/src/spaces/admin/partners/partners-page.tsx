import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { email, maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { adminMessages } from '../messages';
import { QueryState } from '../ui/query-state';
import { TextAreaField } from '../ui/text-area-field';

export const AdminPartnersDocument = graphql(`
  query AdminPartners {
    partnerOrganizations {
      id
      name
      description
    }
  }
`);

const AdminCreatePartnerDocument = graphql(`
  mutation AdminCreatePartner($name: String!, $description: String) {
    createPartnerOrganization(name: $name, description: $description) {
      id
      name
      description
    }
  }
`);

const AdminAddPartnerMemberDocument = graphql(`
  mutation AdminAddPartnerMember($partnerId: ID!, $email: String!) {
    addPartnerMember(partnerId: $partnerId, email: $email)
  }
`);

/** An empty list holds no PartnerOrganization: creating one must still refresh it. */
const PARTNER_LIST_CONTEXT = { additionalTypenames: ['PartnerOrganization'] };

/** The API's limits (PartnerService). */
export const PARTNER_NAME_MAX = 200;
export const PARTNER_DESCRIPTION_MAX = 4000;

function CreatePartnerForm() {
  const t = useMessages(adminMessages);
  const [, create] = useMutation(AdminCreatePartnerDocument);
  const form = useForm({
    initial: { name: '', description: '' },
    rules: {
      name: [required, maxLength(PARTNER_NAME_MAX)],
      description: [maxLength(PARTNER_DESCRIPTION_MAX)],
    },
    serverPaths: { name: 'name', description: 'description' },
  });
  return (
    <form
      aria-labelledby="partner-create-title"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        const result = await create({ name: v.name, description: v.description.trim() || null });
        if (!result.error) {
          form.set('name', '');
          form.set('description', '');
        }
        return result.error;
      })}
    >
      <h2 id="partner-create-title">{t('partners.create')}</h2>
      <TextField form={form} name="name" label={t('partners.name')} autoComplete="organization" />
      <TextAreaField form={form} name="description" label={t('partners.description')} rows={2} />
      <FormError form={form} />
      <button type="submit" className="primary" disabled={form.submitting}>
        {t('partners.add')}
      </button>
    </form>
  );
}

function AddMemberForm(props: { partnerId: string; name: string }) {
  const t = useMessages(adminMessages);
  const [, add] = useMutation(AdminAddPartnerMemberDocument);
  const [added, setAdded] = useState(false);
  const form = useForm({
    initial: { email: '' },
    rules: { email: [required, email] },
    serverPaths: { email: 'email' },
  });
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        setAdded(false);
        const result = await add({ partnerId: props.partnerId, email: v.email.trim() });
        if (!result.error) {
          setAdded(true);
          form.set('email', '');
        }
        return result.error;
      })}
    >
      <TextField
        form={form}
        name="email"
        type="email"
        autoComplete="off"
        label={t('partners.memberEmail', { name: props.name })}
      />
      <FormError form={form} />
      {added ? <p role="status">{t('partners.memberAdded')}</p> : null}
      <button type="submit" disabled={form.submitting}>
        {t('partners.addMember')}
      </button>
    </form>
  );
}

/** /admin/partners: partner organisations (agencies, designers), created here, members added by e-mail. */
export default function PartnersPage() {
  const t = useMessages(adminMessages);
  const [{ data, fetching, error }] = useQuery({
    query: AdminPartnersDocument,
    context: PARTNER_LIST_CONTEXT,
  });
  return (
    <section>
      <h1>{t('partners.title')}</h1>
      <QueryState fetching={fetching} error={error} hasData={Boolean(data)} />
      {data && data.partnerOrganizations.length === 0 ? <p>{t('partners.empty')}</p> : null}
      <ul className="admin-list">
        {(data?.partnerOrganizations ?? []).map((p) => (
          <li key={p.id}>
            <h2>{p.name}</h2>
            {p.description ? <p>{p.description}</p> : null}
            <AddMemberForm partnerId={p.id} name={p.name} />
          </li>
        ))}
      </ul>
      <CreatePartnerForm />
    </section>
  );
}
