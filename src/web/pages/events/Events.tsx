/** The community's events: upcoming and past, and new event for organisers. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H1 lands this page.
export function EventsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
