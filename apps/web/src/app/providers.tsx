import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider as UrqlProvider, useMutation } from 'urql';
import { graphql } from '../gql';
import { createGraphqlClient } from '../lib/graphql/client';
import { I18nProvider } from '../lib/i18n/i18n-context';
import { DEFAULT_LOCALE, storedLocale, storeLocale, type Locale } from '../lib/i18n/locale';
import { SessionProvider, useSession } from '../lib/session/session-context';
import { TokenStore } from '../lib/session/token-store';

const SetPreferredLanguageDocument = graphql(`
  mutation SetPreferredLanguage($languageCode: LanguageCode!) {
    setPreferredLanguage(languageCode: $languageCode) {
      id
      preferredLanguage
    }
  }
`);

/** The locale: the signed-in user's preferredLanguage, else this browser's choice, else French. */
function LocaleRoot(props: { children: ReactNode }) {
  const { user } = useSession();
  const [chosen, setChosen] = useState<Locale>(() => storedLocale() ?? DEFAULT_LOCALE);
  const [, savePreference] = useMutation(SetPreferredLanguageDocument);
  const userLocale = user?.preferredLanguage;
  useEffect(() => {
    if (userLocale) setChosen(userLocale);
  }, [userLocale]);
  const setLocale = useCallback(
    (locale: Locale) => {
      setChosen(locale);
      storeLocale(locale);
      if (user) void savePreference({ languageCode: locale });
    },
    [user, savePreference],
  );
  return (
    <I18nProvider locale={chosen} setLocale={setLocale}>
      {props.children}
    </I18nProvider>
  );
}

/** Everything a page may use: the GraphQL client, the session, the locale. */
export function AppProviders(props: { children: ReactNode; store?: TokenStore }) {
  const store = useMemo(() => props.store ?? new TokenStore(), [props.store]);
  const client = useMemo(() => createGraphqlClient(store), [store]);
  return (
    <UrqlProvider value={client}>
      <SessionProvider store={store}>
        <LocaleRoot>{props.children}</LocaleRoot>
      </SessionProvider>
    </UrqlProvider>
  );
}
