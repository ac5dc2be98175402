/** Check-in at the door: scan or type the code, live attendance. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H4 lands this page.
export function CheckInPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
