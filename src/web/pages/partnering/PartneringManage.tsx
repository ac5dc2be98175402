/** Placeholder while the page is built (replaced in this change). */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function PartneringManagePage() {
  const { t } = useTranslation();
  return <PageHeader title={t('partneringOrg.title')} />;
}
