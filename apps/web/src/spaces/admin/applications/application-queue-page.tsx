import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { adminMessages } from '../messages';
import { QueryState } from '../ui/query-state';
import { QUEUE_STATUSES, queueStatusOf } from './application-statuses';

const AdminApplicationsDocument = graphql(`
  query AdminApplications($filter: CooperativeFilter, $first: Int, $after: String) {
    cooperatives(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          registrationNumber
          sector
          status
          foundedOn
          region {
            code
            name
          }
          province {
            code
            name
          }
        }
      }
    }
  }
`);

const PAGE = 20;

/** One page of the queue; "load more" appends the next page after its cursor. */
function QueuePage(props: {
  status: string;
  after: string | null;
  onMore(cursor: string): void;
  last: boolean;
}) {
  const t = useMessages(adminMessages);
  const { date } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: AdminApplicationsDocument,
    variables: { filter: { status: queueStatusOf(props.status) }, first: PAGE, after: props.after },
    requestPolicy: 'cache-and-network',
  });
  if (!data) return <QueryState fetching={fetching} error={error} hasData={false} />;
  const { edges, pageInfo, totalCount } = data.cooperatives;
  return (
    <>
      {props.after === null ? (
        <p role="status">
          {totalCount === 0 ? t('applications.empty') : t('applications.count', { count: totalCount })}
        </p>
      ) : null}
      <ul className="admin-list">
        {edges.map(({ node: c }) => (
          <li key={c.id}>
            <Link to={`/admin/applications/${c.id}`} aria-label={t('applications.open', { name: c.name })}>
              <strong>{c.name}</strong>
            </Link>
            <div>
              {c.registrationNumber} · {t(`sector.${c.sector}`)} · {c.province.name}, {c.region.name} ·{' '}
              {date(c.foundedOn)}
            </div>
          </li>
        ))}
      </ul>
      {props.last && pageInfo.hasNextPage && pageInfo.endCursor ? (
        <button type="button" onClick={() => props.onMore(pageInfo.endCursor ?? '')}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </>
  );
}

/** /admin/applications?status=SUBMITTED: cooperatives by status, newest first, keyset "load more". */
export default function ApplicationQueuePage() {
  const t = useMessages(adminMessages);
  const [params, setParams] = useSearchParams();
  const status = queueStatusOf(params.get('status'));
  const [cursors, setCursors] = useState<{ status: string; list: (string | null)[] }>({
    status,
    list: [null],
  });
  const pages = cursors.status === status ? cursors.list : [null];
  return (
    <section>
      <h1>{t('applications.title')}</h1>
      <div className="field">
        <label htmlFor="queue-status">{t('applications.status')}</label>
        <select
          id="queue-status"
          value={status}
          onChange={(e) => {
            setParams({ status: e.target.value });
            setCursors({ status: e.target.value, list: [null] });
          }}
        >
          {QUEUE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {pages.map((after, i) => (
        <QueuePage
          key={`${status}:${after ?? ''}`}
          status={status}
          after={after}
          last={i === pages.length - 1}
          onMore={(cursor) => setCursors({ status, list: [...pages, cursor] })}
        />
      ))}
    </section>
  );
}
