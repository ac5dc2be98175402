/** The signed-in user's registrations. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H2 lands this page.
export function MyRegistrationsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
