/** Placeholder while the page is built (replaced in this change). */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function PartneringPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('partnering.title')} />;
}
