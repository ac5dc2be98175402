/** The applications of one round for a judge. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H3a lands this page.
export function JudgeRoundPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
