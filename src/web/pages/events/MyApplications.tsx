/** The signed-in user's applications. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H3b lands this page.
export function MyApplicationsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
