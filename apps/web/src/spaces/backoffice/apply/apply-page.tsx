import { useMutation } from 'urql';
import { Navigate, useNavigate } from 'react-router';
import { graphql } from '../../../gql';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { useSession } from '../../../lib/session/session-context';
import { Loading } from '../../../lib/ui/loading';
import { backofficeMessages } from '../messages';
import { CooperativeForm } from './cooperative-form';

const CoopApplyDocument = graphql(`
  mutation CoopApply($input: CooperativeApplicationInput!) {
    applyForCooperative(input: $input) {
      id
      status
    }
  }
`);

/** /coop/apply: a signed-in user applies; they become its OWNER and see its status on /coop. */
export default function ApplyPage() {
  const t = useMessages(backofficeMessages);
  const { user, loading, refresh } = useSession();
  const navigate = useNavigate();
  const [, apply] = useMutation(CoopApplyDocument);
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/coop" replace />;
  return (
    <section>
      <h1>{t('apply.title')}</h1>
      <p>{t('apply.intro')}</p>
      <CooperativeForm
        submitLabel={t('apply.submit')}
        onSubmit={async (input) => {
          const result = await apply({ input });
          if (!result.error) {
            refresh();
            void navigate('/coop');
          }
          return result.error;
        }}
      />
    </section>
  );
}
