import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { useSession } from '../../../lib/session/session-context';
import { Loading } from '../../../lib/ui/loading';
import { BrandPreview } from '../../backoffice/brand-kit/brand-preview';
import { partnerMessages } from '../messages';
import { ProposalForm } from './proposal-form';

const PartnerRequestsDocument = graphql(`
  query PartnerRequests {
    identityRequests(first: 50) {
      id
      needs
      status
      cooperative {
        id
        name
        slug
      }
      proposals {
        id
        status
        feedback
        primaryColor
        secondaryColor
        tagline
        logo {
          id
          url
          thumbnailUrl
        }
        banner {
          id
          url
        }
      }
    }
  }
`);

const OPEN_FOR_PROPOSALS = new Set(['ASSIGNED', 'PROPOSED']);

function Requests() {
  const t = useMessages(partnerMessages);
  const [{ data, fetching }, reload] = useQuery({
    query: PartnerRequestsDocument,
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <Loading />;
  const requests = data?.identityRequests ?? [];
  return (
    <section>
      <h1>{t('requests.title')}</h1>
      {requests.length === 0 ? <p>{t('requests.none')}</p> : null}
      {requests.map((r) => (
        <article key={r.id} className="card" aria-labelledby={`request-${r.id}`}>
          <h2 id={`request-${r.id}`}>{r.cooperative.name}</h2>
          <p>
            <strong>{t(`requestStatus.${r.status}`)}</strong>
          </p>
          <p>
            {t('requests.needs')} {r.needs}
          </p>
          {r.proposals.length ? (
            <ol>
              {r.proposals.map((p, i) => (
                <li key={p.id}>
                  <h3>{t('proposal.number', { n: i + 1 })}</h3>
                  <p data-testid={`proposal-status-${i + 1}`}>{t(`proposalStatus.${p.status}`)}</p>
                  <BrandPreview look={p} name={r.cooperative.name} />
                  {p.feedback ? <p>{t('proposal.feedback', { feedback: p.feedback })}</p> : null}
                </li>
              ))}
            </ol>
          ) : null}
          {OPEN_FOR_PROPOSALS.has(r.status) ? (
            <ProposalForm requestId={r.id} onSubmitted={() => reload({ requestPolicy: 'network-only' })} />
          ) : null}
        </article>
      ))}
    </section>
  );
}

/** /partner: the identity requests assigned to the partner's organisations, proposals and answers. */
export default function RequestsPage() {
  const t = useMessages(partnerMessages);
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  if (!user || !(user.roles.includes('PARTNER') || user.roles.includes('ADMIN')))
    return (
      <section>
        <h1>{t('space.title')}</h1>
        <p>{t('forbidden')}</p>
      </section>
    );
  return <Requests />;
}
