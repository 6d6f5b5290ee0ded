import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { useSession } from '../../../lib/session/session-context';
import { storefrontMessages } from '../messages';

const StoreVerifyEmailDocument = graphql(`
  mutation StoreVerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

/** /verify-email?token=…: the link e-mailed after registration (PUBLIC_URL/verify-email?token=…). */
export default function VerifyEmailPage() {
  const t = useMessages(storefrontMessages);
  const [params] = useSearchParams();
  const { refresh } = useSession();
  const [, verify] = useMutation(StoreVerifyEmailDocument);
  const [state, setState] = useState<'pending' | 'done' | 'failed'>('pending');
  const token = params.get('token') ?? '';
  useEffect(() => {
    let live = true;
    void verify({ token }).then((r) => {
      if (!live) return;
      setState(r.data?.verifyEmail ? 'done' : 'failed');
      if (r.data?.verifyEmail) refresh();
    });
    return () => {
      live = false;
    };
  }, [token, verify, refresh]);
  return (
    <section className="narrow">
      <h1>{t('auth.verifyTitle')}</h1>
      {state === 'pending' ? <Loading /> : null}
      {state === 'done' ? <p role="status">{t('auth.verifyDone')}</p> : null}
      {state === 'failed' ? <p role="alert">{t('auth.verifyFailed')}</p> : null}
    </section>
  );
}
