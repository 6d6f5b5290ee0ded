import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { FileUploadField } from '../../backoffice/shared/file-field';
import { hexColor } from '../../backoffice/shared/rules';
import type { UploadedAsset } from '../../backoffice/shared/upload';
import { partnerMessages } from '../messages';

const PartnerSubmitProposalDocument = graphql(`
  mutation PartnerSubmitProposal($requestId: ID!, $input: IdentityProposalInput!) {
    submitIdentityProposal(requestId: $requestId, input: $input) {
      id
      status
    }
  }
`);

/** IdentityProposalInput's rules as the API checks them (colours #RRGGBB, tagline ≤ 120). */
export const PROPOSAL_RULES = {
  primaryColor: [required, hexColor],
  secondaryColor: [hexColor],
  tagline: [maxLength(120)],
};

/** A proposal for an assigned request: logo (required) and banner uploaded, colours, tagline. */
export function ProposalForm(props: { requestId: string; onSubmitted(): void }) {
  const t = useMessages(partnerMessages);
  const [logo, setLogo] = useState<UploadedAsset | null>(null);
  const [banner, setBanner] = useState<UploadedAsset | null>(null);
  const [logoMissing, setLogoMissing] = useState(false);
  const form = useForm({
    initial: { primaryColor: '', secondaryColor: '', tagline: '' },
    rules: PROPOSAL_RULES,
  });
  const [, submit] = useMutation(PartnerSubmitProposalDocument);
  const send = form.handleSubmit(async (v) => {
    if (!logo) return;
    const result = await submit({
      requestId: props.requestId,
      input: {
        logoAssetId: logo.id,
        bannerAssetId: banner?.id ?? null,
        primaryColor: v.primaryColor.trim(),
        secondaryColor: v.secondaryColor.trim() || null,
        tagline: v.tagline.trim() || null,
      },
    });
    if (!result.error) {
      setLogo(null);
      setBanner(null);
      props.onSubmitted();
    }
    return result.error;
  });
  return (
    <form
      noValidate
      aria-labelledby={`proposal-title-${props.requestId}`}
      onSubmit={(event) => {
        // The logo is checked with the fields, so that every problem shows at once.
        setLogoMissing(!logo);
        send(event);
      }}
    >
      <h3 id={`proposal-title-${props.requestId}`}>{t('proposal.new')}</h3>
      <FileUploadField
        label={t('proposal.logo')}
        accept="image/jpeg,image/png,image/webp"
        uploadingText={t('upload.busy')}
        error={logoMissing && !logo ? t('proposal.logoRequired') : undefined}
        onUploaded={(asset) => {
          setLogo(asset);
          setLogoMissing(false);
        }}
      />
      {logo ? <img src={logo.url} alt={t('proposal.logoPreview')} width={96} height={96} /> : null}
      <FileUploadField
        label={t('proposal.banner')}
        accept="image/jpeg,image/png,image/webp"
        uploadingText={t('upload.busy')}
        onUploaded={setBanner}
      />
      {banner ? <img src={banner.url} alt={t('proposal.bannerPreview')} /> : null}
      <TextField form={form} name="primaryColor" label={t('proposal.primaryColor')} placeholder="#RRGGBB" />
      <TextField
        form={form}
        name="secondaryColor"
        label={t('proposal.secondaryColor')}
        placeholder="#RRGGBB"
      />
      <TextField form={form} name="tagline" label={t('proposal.tagline')} />
      <FormError form={form} />
      <button type="submit" className="primary" disabled={form.submitting}>
        {t('proposal.submit')}
      </button>
    </form>
  );
}
