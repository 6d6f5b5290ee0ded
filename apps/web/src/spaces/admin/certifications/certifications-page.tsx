import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { adminMessages } from '../messages';
import { QueryState } from '../ui/query-state';

const AdminCertificationsDocument = graphql(`
  query AdminCertificationsToVerify($first: Int!) {
    certificationsToVerify(first: $first) {
      id
      type
      reference
      issuedOn
      expiresOn
      verified
      cooperative {
        id
        name
      }
    }
  }
`);

const AdminVerifyCertificationDocument = graphql(`
  mutation AdminVerifyCertification($id: ID!) {
    verifyCertification(id: $id, verified: true) {
      id
      verified
      valid
    }
  }
`);

/** /admin/certifications: the unverified certificates, oldest first; one click verifies one. */
export default function CertificationsPage() {
  const t = useMessages(adminMessages);
  const common = useMessages(commonMessages);
  const { date } = useI18n();
  const [{ data, fetching, error }, reload] = useQuery({
    query: AdminCertificationsDocument,
    variables: { first: 100 },
    requestPolicy: 'cache-and-network',
  });
  const [verifying, verify] = useMutation(AdminVerifyCertificationDocument);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  const onVerify = async (id: string, reference: string) => {
    const result = await verify({ id });
    setMessage(
      result.error
        ? { text: common('error.generic'), ok: false }
        : { text: t('certs.verified', { reference }), ok: true },
    );
    reload({ requestPolicy: 'network-only' });
  };

  const items = data?.certificationsToVerify ?? [];
  return (
    <section>
      <h1>{t('certs.title')}</h1>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'status-message' : 'form-error'}>
          {message.text}
        </p>
      ) : null}
      <QueryState fetching={fetching} error={error} hasData={Boolean(data)} />
      {data && items.length === 0 ? <p>{t('certs.empty')}</p> : null}
      <ul className="admin-list">
        {items.map((c) => (
          <li key={c.id}>
            <dl className="facts">
              <dt>{t('certs.cooperative')}</dt>
              <dd>
                {c.cooperative ? (
                  <Link to={`/admin/cooperatives/${c.cooperative.id}`}>{c.cooperative.name}</Link>
                ) : (
                  '—'
                )}
              </dd>
              <dt>{t('certs.type')}</dt>
              <dd>{t(`certType.${c.type}`)}</dd>
              <dt>{t('certs.reference')}</dt>
              <dd>{c.reference}</dd>
              <dt>{t('certs.issuedOn')}</dt>
              <dd>{date(c.issuedOn)}</dd>
              <dt>{t('certs.expiresOn')}</dt>
              <dd>{c.expiresOn ? date(c.expiresOn) : t('certs.noExpiry')}</dd>
            </dl>
            <button
              type="button"
              className="primary"
              disabled={verifying.fetching}
              onClick={() => void onVerify(c.id, c.reference)}
            >
              {t('certs.verify', { reference: c.reference })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
