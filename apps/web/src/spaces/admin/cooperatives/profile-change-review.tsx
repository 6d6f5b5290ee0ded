import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError } from '../../../lib/forms/fields';
import { maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { NOTE_MAX } from '../applications/review-form';
import { adminMessages, type AdminKey } from '../messages';
import { ChoiceField } from '../ui/choice-field';
import { TextAreaField } from '../ui/text-area-field';

const AdminReviewProfileChangeDocument = graphql(`
  mutation AdminReviewProfileChange($id: ID!, $decision: ReviewDecision!, $note: String!) {
    reviewCooperativeProfileChange(cooperativeId: $id, decision: $decision, note: $note) {
      id
      name
      registrationNumber
      sector
      foundedOn
      memberCount
      womenMemberCount
      womenLed
      province {
        code
        name
      }
      pendingProfileChange {
        requestedAt
      }
    }
  }
`);

/** A pending change as the console reads it (null: that fact is unchanged). */
export interface Change {
  name?: string | null;
  registrationNumber?: string | null;
  sector?: string | null;
  foundedOn?: string | null;
  memberCount?: number | null;
  womenMemberCount?: number | null;
  womenLed?: boolean | null;
  requestedAt: string;
  province?: { name: string } | null;
}
export interface Current {
  name: string;
  registrationNumber: string;
  sector: string;
  foundedOn: string;
  memberCount: number;
  womenMemberCount?: number | null;
  womenLed: boolean;
  province: { name: string };
}

/** The vetted facts a change touches, each as [label, current, proposed] in words. */
export function changedFacts(
  current: Current,
  change: Change,
  words: { sector(s: string): string; yesNo(b: boolean): string; date(d: string): string },
): { field: AdminKey; current: string; proposed: string }[] {
  const rows: { field: AdminKey; current: string; proposed: string }[] = [];
  const add = (field: AdminKey, was: string, next: string | null) => {
    if (next !== null && next !== was) rows.push({ field, current: was, proposed: next });
  };
  add('partners.name', current.name, change.name ?? null);
  add('cooperative.registrationNumber', current.registrationNumber, change.registrationNumber ?? null);
  add('cooperative.sector', words.sector(current.sector), change.sector ? words.sector(change.sector) : null);
  add('cooperative.province', current.province.name, change.province?.name ?? null);
  add(
    'cooperative.foundedOn',
    words.date(current.foundedOn),
    change.foundedOn ? words.date(change.foundedOn) : null,
  );
  add(
    'cooperative.members',
    String(current.memberCount),
    change.memberCount != null ? String(change.memberCount) : null,
  );
  add(
    'cooperative.womenMembers',
    current.womenMemberCount != null ? String(current.womenMemberCount) : '—',
    change.womenMemberCount != null ? String(change.womenMemberCount) : null,
  );
  add(
    'cooperative.womenLed',
    words.yesNo(current.womenLed),
    change.womenLed != null ? words.yesNo(change.womenLed) : null,
  );
  return rows;
}

/** A pending change to vetted facts, side by side with the current values; approve or reject with a note. */
export function ProfileChangeReview(props: {
  cooperativeId: string;
  current: Current;
  change: Change;
  /** Called once the decision is saved: the parent's refetched data no longer has the change, so it shows the confirmation. */
  onDone?: () => void;
}) {
  const t = useMessages(adminMessages);
  const { date } = useI18n();
  const [, review] = useMutation(AdminReviewProfileChangeDocument);
  const [done, setDone] = useState(false);
  const form = useForm({
    initial: { decision: '', note: '' },
    rules: { decision: [required], note: [required, maxLength(NOTE_MAX)] },
    serverPaths: { decision: 'decision', note: 'note' },
  });
  const rows = changedFacts(props.current, props.change, {
    sector: (s) => t(`sector.${s as 'OTHER'}`),
    yesNo: (b) => t(b ? 'common.yes' : 'common.no'),
    date: (d) => date(d),
  });
  if (done) return <p role="status">{t('changes.done')}</p>;
  return (
    <form
      noValidate
      aria-label={t('changes.title')}
      onSubmit={form.handleSubmit(async (v) => {
        const decision = v.decision === 'APPROVE' ? 'APPROVE' : 'REJECT';
        const result = await review({ id: props.cooperativeId, decision, note: v.note });
        if (!result.error) {
          setDone(true);
          props.onDone?.();
        }
        return result.error;
      })}
    >
      <p>{t('changes.requestedAt', { date: date(props.change.requestedAt, 'dateTime') })}</p>
      <div className="table-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('changes.field')}</th>
              <th scope="col">{t('changes.current')}</th>
              <th scope="col">{t('changes.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field}>
                <th scope="row">{t(r.field)}</th>
                <td>{r.current}</td>
                <td>{r.proposed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChoiceField
        form={form}
        name="decision"
        legend={t('review.decision')}
        choices={[
          { value: 'APPROVE', label: t('decision.APPROVE') },
          { value: 'REJECT', label: t('decision.REJECT') },
        ]}
      />
      <TextAreaField form={form} name="note" label={t('review.note')} rows={2} />
      <FormError form={form} />
      <button type="submit" className="primary" disabled={form.submitting}>
        {t('changes.submit')}
      </button>
    </form>
  );
}
