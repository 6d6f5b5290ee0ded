import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { CooperativeForm, EMPTY_COOPERATIVE } from '../apply/cooperative-form';
import { backofficeMessages } from '../messages';
import { CoopGate } from '../shared/coop-gate';
import { canManage, type MyMembership } from '../shared/use-my-cooperative';
import { ShippingTermsForm } from './shipping-terms-form';

const CoopProfileDocument = graphql(`
  query CoopProfile($id: ID!, $languageCode: LanguageCode) {
    cooperative(id: $id) {
      id
      name
      registrationNumber
      sector
      foundedOn
      memberCount
      womenMemberCount
      womenLed
      description
      province {
        code
      }
      minimumOrderAmount {
        amount
      }
      freeShippingThreshold {
        amount
      }
      pendingProfileChange {
        requestedAt
        name
        registrationNumber
        sector
        foundedOn
        memberCount
        womenMemberCount
        womenLed
        province {
          code
          name(languageCode: $languageCode)
        }
      }
    }
  }
`);

const CoopUpdateProfileDocument = graphql(`
  mutation CoopUpdateProfile($id: ID!, $input: CooperativeApplicationInput!) {
    updateCooperativeProfile(id: $id, input: $input) {
      id
      status
    }
  }
`);

function Profile(props: { membership: MyMembership }) {
  const t = useMessages(backofficeMessages);
  const { locale, date } = useI18n();
  const id = props.membership.cooperative.id;
  const [saved, setSaved] = useState(false);
  const [{ data, fetching }, reload] = useQuery({
    query: CoopProfileDocument,
    variables: { id, languageCode: locale },
    requestPolicy: 'cache-and-network',
  });
  const [, update] = useMutation(CoopUpdateProfileDocument);
  const coop = data?.cooperative;
  if (fetching && !coop) return <Loading />;
  if (!coop) return null;
  const pending = coop.pendingProfileChange;
  const refetch = () => reload({ requestPolicy: 'network-only' });
  return (
    <section>
      <h1>{t('profile.title')}</h1>
      {pending ? (
        <div className="card" role="note">
          <h2>{t('profile.pending', { date: date(pending.requestedAt, 'dateTime') })}</h2>
          <ul>
            {pending.name ? (
              <li>
                {t('coop.name')}: {pending.name}
              </li>
            ) : null}
            {pending.registrationNumber ? (
              <li>
                {t('coop.registrationNumber')}: {pending.registrationNumber}
              </li>
            ) : null}
            {pending.sector ? (
              <li>
                {t('coop.sector')}: {t(`sector.${pending.sector}`)}
              </li>
            ) : null}
            {pending.province ? (
              <li>
                {t('coop.province')}: {pending.province.name}
              </li>
            ) : null}
            {pending.foundedOn ? (
              <li>
                {t('coop.foundedOn')}: {pending.foundedOn}
              </li>
            ) : null}
            {pending.memberCount !== null && pending.memberCount !== undefined ? (
              <li>
                {t('coop.memberCount')}: {pending.memberCount}
              </li>
            ) : null}
            {pending.womenMemberCount !== null && pending.womenMemberCount !== undefined ? (
              <li>
                {t('coop.womenMemberCount')}: {pending.womenMemberCount}
              </li>
            ) : null}
            {pending.womenLed !== null && pending.womenLed !== undefined ? (
              <li>
                {t('coop.womenLed')}: {pending.womenLed ? t('yes') : t('no')}
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      {saved ? <p role="status">{t('profile.saved')}</p> : null}
      {canManage(props.membership) ? (
        <>
          <p>{t('profile.vettedHint')}</p>
          <CooperativeForm
            submitLabel={t('profile.save')}
            initial={{
              ...EMPTY_COOPERATIVE,
              name: coop.name,
              registrationNumber: coop.registrationNumber,
              sector: coop.sector,
              provinceCode: coop.province.code,
              foundedOn: coop.foundedOn,
              memberCount: String(coop.memberCount),
              womenMemberCount:
                coop.womenMemberCount === null || coop.womenMemberCount === undefined
                  ? ''
                  : String(coop.womenMemberCount),
              womenLed: coop.womenLed ? 'true' : 'false',
              description: coop.description ?? '',
            }}
            onSubmit={async (input) => {
              const result = await update({ id, input });
              setSaved(!result.error);
              if (!result.error) refetch();
              return result.error;
            }}
          />
          <ShippingTermsForm
            cooperativeId={id}
            minimum={coop.minimumOrderAmount?.amount}
            freeFrom={coop.freeShippingThreshold?.amount}
            onSaved={refetch}
          />
        </>
      ) : null}
    </section>
  );
}

/** /coop/profile: the profile (vetted changes wait for an admin and are shown) and shipping terms. */
export default function ProfilePage() {
  return <CoopGate>{(m) => <Profile membership={m} />}</CoopGate>;
}
