import { useQuery, type CombinedError } from 'urql';
import { graphql } from '../../../gql';
import type { CooperativeApplicationInput, Sector } from '../../../gql/graphql';
import { TextField, FormError } from '../../../lib/forms/fields';
import { integer, maxLength, minLength, phone, required } from '../../../lib/forms/rules';
import { useForm, type FormValues } from '../../../lib/forms/use-form';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';
import { CheckboxField, SelectField, TextAreaField } from '../shared/choice-fields';
import { code, isoDate, notInFuture } from '../shared/rules';

const CoopRegionsDocument = graphql(`
  query CoopRegions($languageCode: LanguageCode) {
    regions {
      code
      provinces {
        code
        name(languageCode: $languageCode)
      }
    }
  }
`);

export const SECTORS: readonly Sector[] = [
  'AGRICULTURE',
  'BEEKEEPING',
  'COSMETICS',
  'FOOD_PROCESSING',
  'HANDICRAFT',
  'TEXTILE',
  'SERVICES',
  'OTHER',
];

const MAX_MEMBERS = 1_000_000;

export type CooperativeFields =
  | 'name'
  | 'registrationNumber'
  | 'sector'
  | 'provinceCode'
  | 'foundedOn'
  | 'memberCount'
  | 'womenMemberCount'
  | 'womenLed'
  | 'description'
  | 'contactPhone';

export const EMPTY_COOPERATIVE: FormValues<CooperativeFields> = {
  name: '',
  registrationNumber: '',
  sector: '',
  provinceCode: '',
  foundedOn: '',
  memberCount: '',
  womenMemberCount: '',
  womenLed: 'false',
  description: '',
  contactPhone: '',
};

/** The rules of CooperativeApplicationInput, as the API checks them. */
export const COOPERATIVE_RULES = {
  name: [required, minLength(2), maxLength(200)],
  registrationNumber: [required, code(' ./-', 64)],
  sector: [required],
  provinceCode: [required],
  foundedOn: [required, isoDate, notInFuture],
  memberCount: [required, integer(0, MAX_MEMBERS)],
  womenMemberCount: [integer(0, MAX_MEMBERS)],
  description: [maxLength(4000)],
  contactPhone: [required, phone],
};

/** The form's strings as the mutation's input. */
export function toApplicationInput(v: FormValues<CooperativeFields>): CooperativeApplicationInput {
  return {
    name: v.name.trim(),
    registrationNumber: v.registrationNumber.trim(),
    sector: v.sector as Sector,
    provinceCode: v.provinceCode,
    foundedOn: v.foundedOn.trim(),
    memberCount: Number(v.memberCount),
    womenMemberCount: v.womenMemberCount.trim() === '' ? null : Number(v.womenMemberCount),
    womenLed: v.womenLed === 'true',
    description: v.description.trim() === '' ? null : v.description,
    contactPhone: v.contactPhone.trim(),
  };
}

/**
 * The cooperative's application / profile form (CooperativeApplicationInput): client rules
 * mirroring the API's, and the API's field errors next to the fields.
 */
export function CooperativeForm(props: {
  initial?: FormValues<CooperativeFields>;
  submitLabel: string;
  onSubmit(input: CooperativeApplicationInput): Promise<CombinedError | null | undefined>;
}) {
  const t = useMessages(backofficeMessages);
  const { locale } = useI18n();
  const form = useForm<CooperativeFields>({
    initial: props.initial ?? EMPTY_COOPERATIVE,
    rules: COOPERATIVE_RULES,
  });
  const [{ data }] = useQuery({ query: CoopRegionsDocument, variables: { languageCode: locale } });
  const provinces = (data?.regions ?? [])
    .flatMap((r) => r.provinces)
    .map((p) => ({ value: p.code, label: p.name }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return (
    <form noValidate onSubmit={form.handleSubmit((v) => props.onSubmit(toApplicationInput(v)))}>
      <TextField form={form} name="name" label={t('coop.name')} autoComplete="organization" />
      <TextField form={form} name="registrationNumber" label={t('coop.registrationNumber')} />
      <SelectField
        form={form}
        name="sector"
        label={t('coop.sector')}
        placeholder={t('form.choose')}
        options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
      />
      <SelectField
        form={form}
        name="provinceCode"
        label={t('coop.province')}
        placeholder={t('form.choose')}
        options={provinces}
      />
      <TextField form={form} name="foundedOn" label={t('coop.foundedOn')} type="date" />
      <TextField form={form} name="memberCount" label={t('coop.memberCount')} inputMode="numeric" />
      <TextField form={form} name="womenMemberCount" label={t('coop.womenMemberCount')} inputMode="numeric" />
      <CheckboxField form={form} name="womenLed" label={t('coop.womenLed')} />
      <TextAreaField form={form} name="description" label={t('coop.description')} />
      <TextField
        form={form}
        name="contactPhone"
        label={t('coop.contactPhone')}
        type="tel"
        autoComplete="tel"
      />
      <FormError form={form} />
      <button type="submit" className="primary" disabled={form.submitting}>
        {props.submitLabel}
      </button>
    </form>
  );
}
