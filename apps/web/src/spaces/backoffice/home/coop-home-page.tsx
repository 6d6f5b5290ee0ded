import { useQuery } from 'urql';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { backofficeMessages } from '../messages';
import { CoopGate } from '../shared/coop-gate';
import type { MyMembership } from '../shared/use-my-cooperative';
import { MyInvitations } from './my-invitations';

const CoopHomeDocument = graphql(`
  query CoopHome($id: ID!) {
    cooperative(id: $id) {
      id
      name
      slug
      status
      reviewNotes {
        at
        decision
        note
      }
    }
  }
`);

function Overview(props: { membership: MyMembership }) {
  const t = useMessages(backofficeMessages);
  const { date } = useI18n();
  const [{ data, fetching }] = useQuery({
    query: CoopHomeDocument,
    variables: { id: props.membership.cooperative.id },
    requestPolicy: 'cache-and-network',
  });
  const coop = data?.cooperative;
  if (fetching && !coop) return <Loading />;
  if (!coop) return null;
  return (
    <section>
      <h1>{coop.name}</h1>
      <p>
        {t('home.status')} <strong data-testid="coop-status">{t(`status.${coop.status}`)}</strong>
      </p>
      <p>{t(`status.help.${coop.status}`)}</p>
      {coop.status === 'APPROVED' ? (
        <p>
          <Link to={`/cooperatives/${coop.slug}`}>{t('home.publicPage')}</Link>
        </p>
      ) : null}
      {coop.reviewNotes.length ? (
        <>
          <h2>{t('home.reviewNotes')}</h2>
          <ul>
            {coop.reviewNotes.map((n) => (
              <li key={n.at}>
                <time dateTime={n.at}>{date(n.at, 'dateTime')}</time> — {t(`decision.${n.decision}`)}:{' '}
                {n.note}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** /coop: the cooperative's status and review notes (or the way to apply), and invitations received. */
export default function CoopHomePage() {
  return (
    <>
      <CoopGate>{(membership) => <Overview membership={membership} />}</CoopGate>
      <MyInvitations />
    </>
  );
}
