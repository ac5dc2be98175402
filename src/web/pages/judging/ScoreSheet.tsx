/** Score entry for one application, made for a phone. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H3a lands this page.
export function ScoreSheetPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
