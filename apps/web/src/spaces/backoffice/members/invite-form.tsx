import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import type { CooperativeRole } from '../../../gql/graphql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { email, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';
import { SelectField } from '../shared/choice-fields';

const CoopInviteMemberDocument = graphql(`
  mutation CoopInviteMember($cooperativeId: ID!, $email: String!, $role: CooperativeRole!) {
    inviteCooperativeMember(cooperativeId: $cooperativeId, email: $email, role: $role) {
      id
    }
  }
`);

const ROLES: readonly CooperativeRole[] = ['STAFF', 'MANAGER', 'OWNER'];

/** The OWNER invites someone by e-mail with a role (the invitation is valid 7 days). */
export function InviteForm(props: { cooperativeId: string; onInvited(): void }) {
  const t = useMessages(backofficeMessages);
  const form = useForm({
    initial: { email: '', role: 'STAFF' },
    rules: { email: [required, email], role: [required] },
    serverPaths: { email: 'email', role: 'role' },
  });
  const [, invite] = useMutation(CoopInviteMemberDocument);
  return (
    <form
      noValidate
      aria-labelledby="invite-title"
      onSubmit={form.handleSubmit(async (v) => {
        const result = await invite({
          cooperativeId: props.cooperativeId,
          email: v.email.trim(),
          role: v.role as CooperativeRole,
        });
        if (!result.error) {
          form.set('email', '');
          props.onInvited();
        }
        return result.error;
      })}
    >
      <h2 id="invite-title">{t('members.invite')}</h2>
      <TextField form={form} name="email" label={t('members.email')} type="email" autoComplete="off" />
      <SelectField
        form={form}
        name="role"
        label={t('members.role')}
        options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
      />
      <FormError form={form} />
      <button type="submit" className="primary" disabled={form.submitting}>
        {t('members.sendInvite')}
      </button>
    </form>
  );
}
