import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { IdentityRequestStatus } from '../../../gql/graphql';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { adminMessages } from '../messages';
import { AdminPartnersDocument } from '../partners/partners-page';
import { QueryState } from '../ui/query-state';

const AdminIdentityRequestsDocument = graphql(`
  query AdminIdentityRequests($status: IdentityRequestStatus, $first: Int) {
    identityRequests(status: $status, first: $first) {
      id
      needs
      status
      partner {
        id
        name
      }
      proposals {
        id
      }
      cooperative {
        id
        name
      }
    }
  }
`);

const AdminAssignPartnerDocument = graphql(`
  mutation AdminAssignPartner($requestId: ID!, $partnerId: ID!) {
    assignIdentityPartner(requestId: $requestId, partnerId: $partnerId) {
      id
      status
      partner {
        id
        name
      }
    }
  }
`);

const STATUSES: readonly IdentityRequestStatus[] = ['OPEN', 'ASSIGNED', 'PROPOSED', 'COMPLETED', 'CANCELLED'];

function AssignForm(props: {
  requestId: string;
  cooperative: string;
  partners: readonly { id: string; name: string }[];
}) {
  const t = useMessages(adminMessages);
  const [state, assign] = useMutation(AdminAssignPartnerDocument);
  const [partnerId, setPartnerId] = useState('');
  const selectId = `assign-${props.requestId}`;
  return (
    <form
      className="actions"
      onSubmit={(e) => {
        e.preventDefault();
        if (partnerId) void assign({ requestId: props.requestId, partnerId });
      }}
    >
      <div className="field">
        <label htmlFor={selectId}>{t('identity.assignTo', { name: props.cooperative })}</label>
        <select id={selectId} value={partnerId} required onChange={(e) => setPartnerId(e.target.value)}>
          <option value="">{t('identity.choose')}</option>
          {props.partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {state.error ? <p role="alert">{state.error.graphQLErrors[0]?.message}</p> : null}
      <button type="submit" disabled={state.fetching || !partnerId}>
        {t('identity.assign')}
      </button>
    </form>
  );
}

/** /admin/identity-requests?status=OPEN: cooperatives' brand-kit requests; assign a partner. */
export default function IdentityRequestsPage() {
  const t = useMessages(adminMessages);
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? null;
  const [{ data, fetching, error }] = useQuery({
    query: AdminIdentityRequestsDocument,
    variables: { status, first: 100 },
    requestPolicy: 'cache-and-network',
  });
  const [partners] = useQuery({ query: AdminPartnersDocument });
  const requests = data?.identityRequests ?? [];
  return (
    <section>
      <h1>{t('identity.title')}</h1>
      <div className="field">
        <label htmlFor="identity-status">{t('identity.status')}</label>
        <select
          id="identity-status"
          value={status ?? ''}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
        >
          <option value="">{t('identity.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`identityStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <QueryState fetching={fetching} error={error} hasData={Boolean(data)} />
      {data && requests.length === 0 ? <p>{t('identity.empty')}</p> : null}
      <ul className="admin-list">
        {requests.map((r) => (
          <li key={r.id}>
            <h2>
              <Link to={`/admin/cooperatives/${r.cooperative.id}`}>{r.cooperative.name}</Link>
            </h2>
            <dl className="facts">
              <dt>{t('identity.status')}</dt>
              <dd>{t(`identityStatus.${r.status}`)}</dd>
              <dt>{t('identity.needs')}</dt>
              <dd>{r.needs}</dd>
              <dt>{t('identity.partner')}</dt>
              <dd>{r.partner?.name ?? t('identity.none')}</dd>
            </dl>
            <p>{t('identity.proposals', { count: r.proposals.length })}</p>
            {r.proposals.length === 0 && (r.status === 'OPEN' || r.status === 'ASSIGNED') ? (
              <AssignForm
                requestId={r.id}
                cooperative={r.cooperative.name}
                partners={partners.data?.partnerOrganizations ?? []}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
