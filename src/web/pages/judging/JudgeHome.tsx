/** A judge's rounds to score, across communities. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H3a lands this page.
export function JudgeHomePage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
