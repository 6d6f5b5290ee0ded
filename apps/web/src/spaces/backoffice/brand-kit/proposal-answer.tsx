import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';

const CoopRespondProposalDocument = graphql(`
  mutation CoopRespondProposal($proposalId: ID!, $accept: Boolean!, $feedback: String) {
    respondToIdentityProposal(proposalId: $proposalId, accept: $accept, feedback: $feedback) {
      id
      status
      feedback
    }
  }
`);

const FEEDBACK_MAX = 2000;

/** Accepts (the proposal becomes the brand kit) or declines a pending proposal, with optional feedback. */
export function ProposalAnswer(props: { proposalId: string; index: number; onAnswered(): void }) {
  const t = useMessages(backofficeMessages);
  const id = useId();
  const [feedback, setFeedback] = useState('');
  const [{ fetching, error }, respond] = useMutation(CoopRespondProposalDocument);
  const tooLong = [...feedback].length > FEEDBACK_MAX;
  const problem = tooLong
    ? t('brand.feedbackTooLong', { max: FEEDBACK_MAX })
    : (error?.graphQLErrors[0]?.message ?? null);
  const answer = async (accept: boolean) => {
    if (tooLong) return;
    const result = await respond({ proposalId: props.proposalId, accept, feedback: feedback.trim() || null });
    if (!result.error) props.onAnswered();
  };
  return (
    <div className="proposal-answer">
      <div className="field">
        <label htmlFor={id}>{t('brand.feedback', { n: props.index })}</label>
        <textarea
          id={id}
          rows={2}
          value={feedback}
          onChange={(e) => setFeedback(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
        />
        {problem ? (
          <p className="field-error" id={`${id}-error`}>
            {problem}
          </p>
        ) : null}
      </div>
      <button type="button" className="primary" disabled={fetching} onClick={() => void answer(true)}>
        {t('brand.accept', { n: props.index })}
      </button>{' '}
      <button type="button" disabled={fetching} onClick={() => void answer(false)}>
        {t('brand.decline', { n: props.index })}
      </button>
    </div>
  );
}
