import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import type { Form } from '../../../lib/forms/use-form';

type AreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'value' | 'onChange' | 'form'>;

/** A labelled textarea bound to a form field, with its error linked as TextField does. */
export function TextAreaField<Name extends string>(
  props: { form: Form<Name>; name: Name; label: ReactNode; hint?: ReactNode } & AreaProps,
) {
  const { form, name, label, hint, ...area } = props;
  const id = useId();
  const error = form.errors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        rows={4}
        {...area}
        id={id}
        name={name}
        value={form.values[name]}
        onChange={(e) => form.set(name, e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
