import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import type { ReviewDecision } from '../../../gql/graphql';
import { FormError } from '../../../lib/forms/fields';
import { maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { adminMessages } from '../messages';
import { ChoiceField } from '../ui/choice-field';
import { TextAreaField } from '../ui/text-area-field';

const AdminReviewCooperativeDocument = graphql(`
  mutation AdminReviewCooperative($id: ID!, $decision: ReviewDecision!, $note: String!) {
    reviewCooperative(id: $id, decision: $decision, note: $note) {
      id
      status
      reviewNotes {
        decision
        note
        at
      }
    }
  }
`);

/** The API's limit on a review note (CooperativeReviewService NOTE_MAX). */
export const NOTE_MAX = 4000;
export const REVIEW_DECISIONS: readonly ReviewDecision[] = ['APPROVE', 'REQUEST_CHANGES', 'REJECT'];

/** Approve, reject or request changes, with the note the API requires (UNDER_REVIEW only). */
export function ReviewForm(props: { cooperativeId: string; onDone(status: string): void }) {
  const t = useMessages(adminMessages);
  const [, review] = useMutation(AdminReviewCooperativeDocument);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    initial: { decision: '', note: '' },
    rules: { decision: [required], note: [required, maxLength(NOTE_MAX)] },
    serverPaths: { decision: 'decision', note: 'note' },
  });
  return (
    <form
      aria-labelledby="review-title"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        const decision = REVIEW_DECISIONS.find((d) => d === v.decision);
        if (!decision) return;
        const result = await review({ id: props.cooperativeId, decision, note: v.note });
        if (result.data) {
          setDone(result.data.reviewCooperative.status);
          props.onDone(result.data.reviewCooperative.status);
        }
        return result.error;
      })}
    >
      <h2 id="review-title">{t('review.title')}</h2>
      <ChoiceField
        form={form}
        name="decision"
        legend={t('review.decision')}
        choices={REVIEW_DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) }))}
      />
      <TextAreaField form={form} name="note" label={t('review.note')} hint={t('review.noteHint')} />
      <FormError form={form} />
      {done ? <p role="status">{t('common.saved')}</p> : null}
      <button type="submit" className="primary" disabled={form.submitting}>
        {t('review.submit')}
      </button>
    </form>
  );
}
