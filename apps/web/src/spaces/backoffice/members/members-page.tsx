import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { useSession } from '../../../lib/session/session-context';
import { Loading } from '../../../lib/ui/loading';
import { backofficeMessages } from '../messages';
import { CoopGate } from '../shared/coop-gate';
import { canManage, type MyMembership } from '../shared/use-my-cooperative';
import { InviteForm } from './invite-form';

const CoopMembersDocument = graphql(`
  query CoopMembers($id: ID!) {
    cooperative(id: $id) {
      id
      members {
        id
        role
        user {
          id
          fullName
          email
        }
      }
    }
  }
`);

const CoopInvitationsDocument = graphql(`
  query CoopInvitations($id: ID!) {
    cooperative(id: $id) {
      id
      invitations {
        id
        email
        role
        status
        expiresAt
      }
    }
  }
`);

const CoopRevokeInvitationDocument = graphql(`
  mutation CoopRevokeInvitation($id: ID!) {
    revokeCooperativeInvitation(id: $id) {
      id
      status
    }
  }
`);

const CoopRemoveMemberDocument = graphql(`
  mutation CoopRemoveMember($cooperativeId: ID!, $userId: ID!) {
    removeCooperativeMember(cooperativeId: $cooperativeId, userId: $userId)
  }
`);

function Members(props: { membership: MyMembership }) {
  const t = useMessages(backofficeMessages);
  const { date } = useI18n();
  const { user } = useSession();
  const id = props.membership.cooperative.id;
  const owner = props.membership.role === 'OWNER';
  const [{ data, fetching }, reloadMembers] = useQuery({ query: CoopMembersDocument, variables: { id } });
  const [invitations, reloadInvitations] = useQuery({
    query: CoopInvitationsDocument,
    variables: { id },
    pause: !canManage(props.membership),
  });
  const [revoking, revoke] = useMutation(CoopRevokeInvitationDocument);
  const [removing, remove] = useMutation(CoopRemoveMemberDocument);
  const problem = revoking.error ?? removing.error;
  if (fetching && !data) return <Loading />;
  return (
    <section>
      <h1>{t('members.title')}</h1>
      {problem ? (
        <p className="form-error" role="alert">
          {problem.graphQLErrors[0]?.message ?? t('error.generic')}
        </p>
      ) : null}
      <ul>
        {(data?.cooperative?.members ?? []).map((m) => (
          <li key={m.id}>
            {m.user.fullName} — {t(`role.${m.role}`)}{' '}
            {owner && m.user.id !== user?.id ? (
              <button
                type="button"
                disabled={removing.fetching}
                onClick={() =>
                  void remove({ cooperativeId: id, userId: m.user.id }).then(() =>
                    reloadMembers({ requestPolicy: 'network-only' }),
                  )
                }
              >
                {t('members.remove', { name: m.user.fullName })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {invitations.data?.cooperative?.invitations.length ? (
        <>
          <h2>{t('members.invitations')}</h2>
          <ul>
            {invitations.data.cooperative.invitations.map((i) => (
              <li key={i.id}>
                {i.email} — {t(`role.${i.role}`)} — {t(`invitationStatus.${i.status}`)}{' '}
                <small>{t('invitations.expires', { date: date(i.expiresAt) })}</small>{' '}
                {owner && i.status === 'PENDING' ? (
                  <button
                    type="button"
                    disabled={revoking.fetching}
                    onClick={() =>
                      void revoke({ id: i.id }).then(() =>
                        reloadInvitations({ requestPolicy: 'network-only' }),
                      )
                    }
                  >
                    {t('members.revoke', { email: i.email })}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {owner ? (
        <InviteForm
          cooperativeId={id}
          onInvited={() => reloadInvitations({ requestPolicy: 'network-only' })}
        />
      ) : null}
    </section>
  );
}

/** /coop/members: the members, invitations sent (invite, revoke) and removals (OWNER). */
export default function MembersPage() {
  return <CoopGate>{(m) => <Members membership={m} />}</CoopGate>;
}
