import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { backofficeMessages } from '../messages';
import { CoopGate } from '../shared/coop-gate';
import { canManage, type MyMembership } from '../shared/use-my-cooperative';
import { BrandPreview } from './brand-preview';
import { ProposalAnswer } from './proposal-answer';
import { RequestSupportForm } from './request-support-form';

const CoopBrandKitDocument = graphql(`
  query CoopBrandKit($id: ID!) {
    cooperative(id: $id) {
      id
      name
      brandKit {
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
    identityRequests(first: 20) {
      id
      needs
      status
      cooperative {
        id
      }
      partner {
        id
        name
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

const UNFINISHED = new Set(['OPEN', 'ASSIGNED', 'PROPOSED']);

function BrandKit(props: { membership: MyMembership }) {
  const t = useMessages(backofficeMessages);
  const { cooperative } = props.membership;
  const [{ data, fetching }, reload] = useQuery({
    query: CoopBrandKitDocument,
    variables: { id: cooperative.id },
    requestPolicy: 'cache-and-network',
  });
  const refetch = () => reload({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  const kit = data?.cooperative?.brandKit;
  const requests = (data?.identityRequests ?? []).filter((r) => r.cooperative.id === cooperative.id);
  const manager = canManage(props.membership);
  return (
    <section>
      <h1>{t('brand.title')}</h1>
      <h2>{t('brand.current')}</h2>
      {kit ? <BrandPreview look={kit} name={cooperative.name} /> : <p>{t('brand.noKit')}</p>}
      {manager && !requests.some((r) => UNFINISHED.has(r.status)) ? (
        <RequestSupportForm cooperativeId={cooperative.id} onRequested={refetch} />
      ) : null}
      <h2>{t('brand.requests')}</h2>
      {requests.length === 0 ? <p>{t('brand.noRequests')}</p> : null}
      {requests.map((r) => (
        <article key={r.id} className="card">
          <p>
            <strong>{t(`requestStatus.${r.status}`)}</strong>
            {r.partner ? ` — ${t('brand.partner', { name: r.partner.name })}` : ''}
          </p>
          <p>{r.needs}</p>
          <ol>
            {r.proposals.map((p, i) => (
              <li key={p.id}>
                <h3>{t('brand.proposal', { n: i + 1 })}</h3>
                <p>{t(`proposalStatus.${p.status}`)}</p>
                <BrandPreview look={p} name={cooperative.name} />
                {p.feedback ? <p>{t('brand.yourFeedback', { feedback: p.feedback })}</p> : null}
                {manager && p.status === 'PENDING' ? (
                  <ProposalAnswer proposalId={p.id} index={i + 1} onAnswered={refetch} />
                ) : null}
              </li>
            ))}
          </ol>
        </article>
      ))}
    </section>
  );
}

/** /coop/brand-kit: the brand kit, identity-support requests and the partners' proposals. */
export default function BrandKitPage() {
  return <CoopGate>{(m) => <BrandKit membership={m} />}</CoopGate>;
}
