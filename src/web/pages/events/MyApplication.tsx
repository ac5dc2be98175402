/** An applicant's own page from the e-mailed link (/a/:token): status and published results. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H3b lands this page.
export function MyApplicationPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
