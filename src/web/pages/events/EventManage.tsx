/** One event for its organisers (and members): tabs for each part. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H1 lands this page.
export function EventManagePage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
