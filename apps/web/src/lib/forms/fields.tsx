import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { Form } from './use-form';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange' | 'form'>;

/**
 * A labelled input bound to a form field; its error (client rule or API) is linked with
 * aria-describedby and marks the input aria-invalid.
 */
export function TextField<Name extends string>(
  props: { form: Form<Name>; name: Name; label: ReactNode; hint?: ReactNode } & InputProps,
) {
  const { form, name, label, hint, ...input } = props;
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
      <input
        {...input}
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

/** The form-level message (API problems on no field, or "fix the highlighted fields"). */
export function FormError(props: { form: Form<string> | { formError: string | null } }) {
  return props.form.formError ? (
    <p className="form-error" role="alert">
      {props.form.formError}
    </p>
  ) : null;
}
