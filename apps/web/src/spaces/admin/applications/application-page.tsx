import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { errorCodeOf } from '../../../lib/graphql/errors';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { NotFound } from '../../../lib/ui/not-found';
import { adminMessages } from '../messages';
import { QueryState } from '../ui/query-state';
import { ReviewForm } from './review-form';

const AdminApplicationDocument = graphql(`
  query AdminApplication($id: ID!) {
    cooperative(id: $id) {
      id
      slug
      name
      registrationNumber
      sector
      status
      foundedOn
      memberCount
      womenMemberCount
      womenLed
      description
      region {
        code
        name
      }
      province {
        code
        name
      }
      registrationNumberDuplicates {
        id
        name
        status
      }
      reviewNotes {
        decision
        note
        at
      }
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

const AdminStartReviewDocument = graphql(`
  mutation AdminStartReview($id: ID!) {
    startCooperativeReview(id: $id) {
      id
      status
    }
  }
`);

/** /admin/applications/:id: the application's facts, duplicates, history, and the review actions. */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  const t = useMessages(adminMessages);
  const common = useMessages(commonMessages);
  const { date } = useI18n();
  const [{ data, fetching, error }, reload] = useQuery({
    query: AdminApplicationDocument,
    variables: { id },
  });
  const [start, startReview] = useMutation(AdminStartReviewDocument);
  const [message, setMessage] = useState<string | null>(null);

  if (!data) return <QueryState fetching={fetching} error={error} hasData={false} />;
  const c = data.cooperative;
  if (!c) return <NotFound />;

  const onStart = async () => {
    const result = await startReview({ id: c.id });
    if (errorCodeOf(result.error) === 'INVALID_STATE_TRANSITION') {
      setMessage(t('review.stale'));
      reload({ requestPolicy: 'network-only' });
    } else setMessage(result.error ? common('error.generic') : null);
  };

  return (
    <article>
      <p>
        <Link to={`/admin/applications?status=${c.status}`}>{t('applications.title')}</Link>
      </p>
      <h1>{c.name}</h1>
      <dl className="facts">
        <dt>{t('cooperative.status')}</dt>
        <dd data-testid="cooperative-status">{t(`status.${c.status}`)}</dd>
        <dt>{t('cooperative.registrationNumber')}</dt>
        <dd>{c.registrationNumber}</dd>
        <dt>{t('cooperative.sector')}</dt>
        <dd>{t(`sector.${c.sector}`)}</dd>
        <dt>{t('cooperative.region')}</dt>
        <dd>{c.region.name}</dd>
        <dt>{t('cooperative.province')}</dt>
        <dd>{c.province.name}</dd>
        <dt>{t('cooperative.foundedOn')}</dt>
        <dd>{date(c.foundedOn)}</dd>
        <dt>{t('cooperative.members')}</dt>
        <dd>{c.memberCount}</dd>
        <dt>{t('cooperative.womenMembers')}</dt>
        <dd>{c.womenMemberCount ?? '—'}</dd>
        <dt>{t('cooperative.womenLed')}</dt>
        <dd>{t(c.womenLed ? 'common.yes' : 'common.no')}</dd>
        {c.description ? (
          <>
            <dt>{t('cooperative.description')}</dt>
            <dd>{c.description}</dd>
          </>
        ) : null}
      </dl>

      <h2>{t('cooperative.duplicates')}</h2>
      {c.registrationNumberDuplicates.length === 0 ? (
        <p>{t('cooperative.noDuplicates')}</p>
      ) : (
        <ul>
          {c.registrationNumberDuplicates.map((d) => (
            <li key={d.id}>
              <Link to={`/admin/applications/${d.id}`}>{d.name}</Link> ({t(`status.${d.status}`)})
            </li>
          ))}
        </ul>
      )}

      <h2>{t('cooperative.people')}</h2>
      <ul>
        {c.members.map((m) => (
          <li key={m.id}>
            {m.user.fullName} ({m.user.email}) · {m.role}
          </li>
        ))}
      </ul>

      <h2>{t('cooperative.notes')}</h2>
      {c.reviewNotes.length === 0 ? (
        <p>{t('cooperative.noNotes')}</p>
      ) : (
        <ol>
          {c.reviewNotes.map((n) => (
            <li key={n.at}>
              <strong>{t(`decision.${n.decision}`)}</strong> · {date(n.at, 'dateTime')}
              <p>{n.note}</p>
            </li>
          ))}
        </ol>
      )}

      {message ? <p role="alert">{message}</p> : null}
      {c.status === 'SUBMITTED' ? (
        <button type="button" className="primary" disabled={start.fetching} onClick={() => void onStart()}>
          {t('review.start')}
        </button>
      ) : null}
      {c.status === 'UNDER_REVIEW' ? (
        <ReviewForm
          cooperativeId={c.id}
          onDone={(status) => setMessage(t('review.done', { status: t(`status.${status as 'APPROVED'}`) }))}
        />
      ) : null}
    </article>
  );
}
