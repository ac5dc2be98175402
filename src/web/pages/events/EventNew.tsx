/** Create an event. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder until H1 lands this page.
export function EventNewPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.events')} />;
}
