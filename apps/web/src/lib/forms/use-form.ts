import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';
import { commonMessages } from '../i18n/common-messages';
import { useI18n } from '../i18n/i18n-context';
import { interpolate } from '../i18n/messages';
import { fieldProblemsOf } from '../graphql/errors';
import { check, type Rule } from './rules';

export type FormValues<Name extends string> = Record<Name, string>;

export interface FormOptions<Name extends string> {
  initial: FormValues<Name>;
  rules?: Partial<Record<Name, readonly Rule[]>>;
  /**
   * Where each field sits among the mutation's arguments, to match the API's BAD_USER_INPUT
   * field paths: `{ email: 'input.email' }`. Default: `input.<name>`.
   */
  serverPaths?: Partial<Record<Name, string>>;
}

export interface Form<Name extends string> {
  values: FormValues<Name>;
  /** The message shown next to each field: a client rule's (translated) or the API's. */
  errors: Partial<Record<Name, string>>;
  /** Problems the API reported on no field of this form (shown above the submit button). */
  formError: string | null;
  submitting: boolean;
  set(name: Name, value: string): void;
  /** Runs the rules of every field; true when all pass. */
  validate(): boolean;
  /**
   * An onSubmit handler: validates, then awaits `submit` with the values; when `submit` returns
   * a CombinedError its field problems are shown next to their fields.
   */
  handleSubmit(
    submit: (values: FormValues<Name>) => Promise<CombinedError | null | undefined | void>,
  ): (event: FormEvent) => void;
  /** Shows a CombinedError's BAD_USER_INPUT problems next to the matching fields. */
  showServerErrors(error: CombinedError): void;
}

/** A small form state: values as strings, client rules mirroring the API's, server field errors. */
export function useForm<Name extends string>(options: FormOptions<Name>): Form<Name> {
  const { locale } = useI18n();
  const [values, setValues] = useState<FormValues<Name>>(options.initial);
  const [errors, setErrors] = useState<Partial<Record<Name, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const { rules, serverPaths } = options;

  const runRules = useCallback(
    (current: FormValues<Name>): Partial<Record<Name, string>> => {
      const found: Partial<Record<Name, string>> = {};
      for (const name of Object.keys(current) as Name[]) {
        const problem = check(current[name], rules?.[name] ?? []);
        if (problem) found[name] = interpolate(commonMessages[locale][problem.key], problem.params);
      }
      return found;
    },
    [rules, locale],
  );

  const showServerErrors = useCallback(
    (error: CombinedError) => {
      const found: Partial<Record<Name, string>> = {};
      const unplaced: string[] = [];
      const names = Object.keys(values) as Name[];
      for (const problem of fieldProblemsOf(error)) {
        const name = names.find((n) => (serverPaths?.[n] ?? `input.${n}`) === problem.field);
        if (name && !found[name]) found[name] = problem.message;
        else if (!name) unplaced.push(problem.message);
      }
      setErrors(found);
      const anyField = Object.keys(found).length > 0;
      setFormError(
        unplaced.length
          ? unplaced.join(' ')
          : anyField
            ? commonMessages[locale]['form.fixErrors']
            : (error.graphQLErrors[0]?.message ?? commonMessages[locale]['error.generic']),
      );
    },
    [serverPaths, locale, values],
  );

  return useMemo<Form<Name>>(
    () => ({
      values,
      errors,
      formError,
      submitting,
      set: (name, value) => {
        setValues((v) => ({ ...v, [name]: value }));
        setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
      },
      validate: () => {
        const found = runRules(values);
        setErrors(found);
        const ok = Object.keys(found).length === 0;
        setFormError(ok ? null : commonMessages[locale]['form.fixErrors']);
        return ok;
      },
      handleSubmit: (submit) => (event) => {
        event.preventDefault();
        const found = runRules(values);
        setErrors(found);
        if (Object.keys(found).length) {
          setFormError(commonMessages[locale]['form.fixErrors']);
          return;
        }
        setFormError(null);
        setSubmitting(true);
        void submit(values)
          .then((error) => {
            if (error) showServerErrors(error);
          })
          .catch(() => setFormError(commonMessages[locale]['error.generic']))
          .finally(() => setSubmitting(false));
      },
      showServerErrors,
    }),
    [values, errors, formError, submitting, runRules, showServerErrors, locale],
  );
}
