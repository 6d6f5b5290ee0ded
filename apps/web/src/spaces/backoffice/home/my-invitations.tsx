import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { useSession } from '../../../lib/session/session-context';
import { backofficeMessages } from '../messages';

const CoopMyInvitationsDocument = graphql(`
  query CoopMyInvitations {
    myInvitations {
      id
      role
      expiresAt
      cooperative {
        id
        name
      }
    }
  }
`);

const CoopRespondInvitationDocument = graphql(`
  mutation CoopRespondInvitation($id: ID!, $accept: Boolean!) {
    respondToCooperativeInvitation(id: $id, accept: $accept) {
      id
      status
    }
  }
`);

/** The invitee's side: pending invitations to join a cooperative, accepted or declined here. */
export function MyInvitations() {
  const t = useMessages(backofficeMessages);
  const { date } = useI18n();
  const { user, refresh } = useSession();
  const [{ data }, reload] = useQuery({ query: CoopMyInvitationsDocument, pause: !user });
  const [{ fetching }, respond] = useMutation(CoopRespondInvitationDocument);
  const invitations = data?.myInvitations ?? [];
  if (!invitations.length) return null;
  const answer = async (id: string, accept: boolean) => {
    const result = await respond({ id, accept });
    if (!result.error) {
      refresh();
      reload({ requestPolicy: 'network-only' });
    }
  };
  return (
    <section>
      <h2>{t('invitations.mine')}</h2>
      <ul>
        {invitations.map((i) => (
          <li key={i.id}>
            {t('invitations.to', { name: i.cooperative.name, role: t(`role.${i.role}`) })}{' '}
            <small>{t('invitations.expires', { date: date(i.expiresAt) })}</small>{' '}
            <button
              type="button"
              className="primary"
              disabled={fetching}
              onClick={() => void answer(i.id, true)}
            >
              {t('invitations.accept')}
            </button>{' '}
            <button type="button" disabled={fetching} onClick={() => void answer(i.id, false)}>
              {t('invitations.decline')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
