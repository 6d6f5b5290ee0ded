import { useId, type ReactNode } from 'react';
import type { Form } from '../../../lib/forms/use-form';

/** A fieldset of radio buttons bound to a form field (keyboard: arrows move between choices). */
export function ChoiceField<Name extends string>(props: {
  form: Form<Name>;
  name: Name;
  legend: ReactNode;
  choices: readonly { value: string; label: ReactNode }[];
}) {
  const { form, name, legend, choices } = props;
  const id = useId();
  const error = form.errors[name];
  return (
    <fieldset className="field choice-field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value} className="choice">
          <input
            type="radio"
            name={`${id}-${name}`}
            value={c.value}
            checked={form.values[name] === c.value}
            onChange={() => form.set(name, c.value)}
          />
          {c.label}
        </label>
      ))}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
