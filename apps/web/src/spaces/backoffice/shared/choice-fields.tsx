import { useId, type ReactNode } from 'react';
import type { Form } from '../../../lib/forms/use-form';

function describedBy(id: string, error: string | undefined): string | undefined {
  return error ? `${id}-error` : undefined;
}

function FieldErrorText(props: { id: string; error: string | undefined }) {
  return props.error ? (
    <p className="field-error" id={`${props.id}-error`}>
      {props.error}
    </p>
  ) : null;
}

/** A labelled <select> bound to a form field (same error wiring as TextField). */
export function SelectField<Name extends string>(props: {
  form: Form<Name>;
  name: Name;
  label: ReactNode;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
}) {
  const { form, name } = props;
  const id = useId();
  const error = form.errors[name];
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={name}
        value={form.values[name]}
        onChange={(e) => form.set(name, e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrorText id={id} error={error} />
    </div>
  );
}

/** A labelled <textarea> bound to a form field. */
export function TextAreaField<Name extends string>(props: {
  form: Form<Name>;
  name: Name;
  label: ReactNode;
  rows?: number;
  dir?: 'rtl' | 'ltr';
  lang?: string;
}) {
  const { form, name } = props;
  const id = useId();
  const error = form.errors[name];
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        name={name}
        rows={props.rows ?? 4}
        dir={props.dir}
        lang={props.lang}
        value={form.values[name]}
        onChange={(e) => form.set(name, e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
      />
      <FieldErrorText id={id} error={error} />
    </div>
  );
}

/** A checkbox bound to a form field holding 'true' or 'false'. */
export function CheckboxField<Name extends string>(props: {
  form: Form<Name>;
  name: Name;
  label: ReactNode;
}) {
  const { form, name } = props;
  const id = useId();
  const error = form.errors[name];
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        name={name}
        checked={form.values[name] === 'true'}
        onChange={(e) => form.set(name, e.target.checked ? 'true' : 'false')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
      />
      <label htmlFor={id}>{props.label}</label>
      <FieldErrorText id={id} error={error} />
    </div>
  );
}
