import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { adminMessages } from '../messages';
import { QueryState } from '../ui/query-state';
import { ProfileChangeReview } from './profile-change-review';

const AdminProfileChangesDocument = graphql(`
  query AdminProfileChanges($first: Int) {
    cooperatives(filter: { status: APPROVED }, first: $first) {
      edges {
        node {
          ...AdminCooperativeFacts
        }
      }
    }
  }
`);

/**
 * /admin/profile-changes: approved cooperatives' pending edits to vetted facts. The API has no
 * filter on "has a pending change", so this reads the first 100 approved cooperatives (their
 * changes batched by the API's loaders) and shows those with one.
 */
export default function ProfileChangesPage() {
  const t = useMessages(adminMessages);
  const [{ data, fetching, error }] = useQuery({
    query: AdminProfileChangesDocument,
    variables: { first: 100 },
    requestPolicy: 'cache-and-network',
  });
  // Reviewed here: kept on the page with the confirmation (the refetched list no longer has their change).
  const [reviewed, setReviewed] = useState<ReadonlySet<string>>(new Set());
  const pending = (data?.cooperatives.edges ?? [])
    .map((e) => e.node)
    .filter((c) => c.pendingProfileChange || reviewed.has(c.id));
  return (
    <section>
      <h1>{t('changes.title')}</h1>
      <QueryState fetching={fetching} error={error} hasData={Boolean(data)} />
      {data && pending.length === 0 ? <p>{t('changes.empty')}</p> : null}
      {pending.map((c) => (
        <section key={c.id} aria-labelledby={`change-${c.id}`}>
          <h2 id={`change-${c.id}`}>
            <Link to={`/admin/cooperatives/${c.id}`}>{c.name}</Link>
          </h2>
          {c.pendingProfileChange ? (
            <ProfileChangeReview
              cooperativeId={c.id}
              current={c}
              change={c.pendingProfileChange}
              onDone={() => setReviewed((ids) => new Set(ids).add(c.id))}
            />
          ) : (
            <p role="status">{t('changes.done')}</p>
          )}
        </section>
      ))}
    </section>
  );
}
