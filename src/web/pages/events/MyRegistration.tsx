/** A registrant's own page from the e-mailed link (/r/:token): status, QR code, .ics, cancel. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H2 lands this page.
export function MyRegistrationPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
