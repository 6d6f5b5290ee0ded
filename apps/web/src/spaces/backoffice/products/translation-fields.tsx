import type { LanguageCode } from '../../../gql/graphql';
import { TextField } from '../../../lib/forms/fields';
import type { Form } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';
import { TextAreaField } from '../shared/choice-fields';
import { LANGUAGES, type TranslationFields } from './product-fields';

/** The name and description in fr, ar and en side by side (each column in its own direction). */
export function TranslationColumns<Name extends string>(props: { form: Form<Name | TranslationFields> }) {
  const t = useMessages(backofficeMessages);
  const { form } = props;
  return (
    <div className="side-by-side">
      {LANGUAGES.map((l: LanguageCode) => (
        <fieldset key={l} lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
          <legend>{t(`language.${l}`)}</legend>
          <TextField
            form={form}
            name={`name_${l}`}
            label={t('product.name', { language: t(`language.${l}`) })}
          />
          <TextAreaField
            form={form}
            name={`description_${l}`}
            label={t('product.description', { language: t(`language.${l}`) })}
          />
        </fieldset>
      ))}
    </div>
  );
}
