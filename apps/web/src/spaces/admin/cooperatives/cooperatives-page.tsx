import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { QUEUE_STATUSES, queueStatusOf } from '../applications/application-statuses';
import { adminMessages } from '../messages';
import { QueryState } from '../ui/query-state';

const AdminCooperativesDocument = graphql(`
  query AdminCooperatives($filter: CooperativeFilter, $first: Int) {
    cooperatives(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          name
          status
          commissionRateBps
          region {
            code
            name
          }
        }
      }
    }
  }
`);

/** /admin/cooperatives?search=&status=APPROVED: find a cooperative to manage. */
export default function CooperativesPage() {
  const t = useMessages(adminMessages);
  const [params, setParams] = useSearchParams();
  const status = queueStatusOf(params.get('status') ?? 'APPROVED');
  const search = params.get('search') ?? '';
  const [draft, setDraft] = useState(search);
  const [{ data, fetching, error }] = useQuery({
    query: AdminCooperativesDocument,
    variables: { filter: { status, search: search || null }, first: 50 },
  });
  return (
    <section>
      <h1>{t('coops.title')}</h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(draft.trim() ? { status, search: draft.trim() } : { status });
        }}
      >
        <div className="field">
          <label htmlFor="coops-search">{t('coops.search')}</label>
          <input
            id="coops-search"
            type="search"
            maxLength={200}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="coops-status">{t('applications.status')}</label>
          <select
            id="coops-status"
            value={status}
            onChange={(e) =>
              setParams(search ? { status: e.target.value, search } : { status: e.target.value })
            }
          >
            {QUEUE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('coops.searchButton')}</button>
      </form>
      <QueryState fetching={fetching} error={error} hasData={Boolean(data)} />
      <ul className="admin-list">
        {(data?.cooperatives.edges ?? []).map(({ node: c }) => (
          <li key={c.id}>
            <Link to={`/admin/cooperatives/${c.id}`}>{c.name}</Link> · {c.region.name} ·{' '}
            {t('coops.commission', { rate: `${c.commissionRateBps / 100} %` })}
          </li>
        ))}
      </ul>
    </section>
  );
}
