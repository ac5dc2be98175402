/** The call for applications of a roadshow or competition (/e/:eventId/apply). */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H3b lands this page.
export function ApplyPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
