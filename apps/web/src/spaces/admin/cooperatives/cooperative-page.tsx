import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { NotFound } from '../../../lib/ui/not-found';
import { adminMessages } from '../messages';
import { QueryState } from '../ui/query-state';
import { CommissionForm } from './commission-form';
import { ProfileChangeReview } from './profile-change-review';
import { SuspensionForm } from './suspension-form';

const AdminCooperativeDocument = graphql(`
  query AdminCooperative($id: ID!) {
    cooperative(id: $id) {
      ...AdminCooperativeFacts
    }
  }
`);

/** /admin/cooperatives/:id: status, commission rate, pending profile change, suspension. */
export default function CooperativePage() {
  const { id = '' } = useParams();
  const t = useMessages(adminMessages);
  const [{ data, fetching, error }] = useQuery({ query: AdminCooperativeDocument, variables: { id } });
  const [changeReviewed, setChangeReviewed] = useState(false);
  if (!data) return <QueryState fetching={fetching} error={error} hasData={false} />;
  const c = data.cooperative;
  if (!c) return <NotFound />;
  return (
    <article>
      <h1>{c.name}</h1>
      <dl className="facts">
        <dt>{t('cooperative.status')}</dt>
        <dd data-testid="cooperative-status">{t(`status.${c.status}`)}</dd>
        <dt>{t('cooperative.registrationNumber')}</dt>
        <dd>{c.registrationNumber}</dd>
        <dt>{t('cooperative.region')}</dt>
        <dd>
          {c.province.name}, {c.region.name}
        </dd>
      </dl>
      <p>
        <Link to={`/admin/applications/${c.id}`}>{t('cooperative.notes')}</Link>
      </p>
      {c.pendingProfileChange ? (
        <section aria-labelledby="change-title">
          <h2 id="change-title">{t('changes.title')}</h2>
          <ProfileChangeReview
            cooperativeId={c.id}
            current={c}
            change={c.pendingProfileChange}
            onDone={() => setChangeReviewed(true)}
          />
        </section>
      ) : changeReviewed ? (
        <p role="status">{t('changes.done')}</p>
      ) : null}
      <CommissionForm key={c.commissionRateBps} cooperativeId={c.id} rateBps={c.commissionRateBps} />
      <SuspensionForm cooperativeId={c.id} status={c.status} />
    </article>
  );
}
