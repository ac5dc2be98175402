/** The public, phone-friendly event page with the registration form (/e/:eventId). */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H2 lands this page.
export function PublicEventPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
