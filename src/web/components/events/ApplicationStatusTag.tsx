import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../services/applications';

const COLOURS: Record<ApplicationStatus, string> = { submitted: 'processing', screened_in: 'success', screened_out: 'default', withdrawn: 'warning' };

/** An application's status as a coloured chip. */
export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid={`applications-status-${status}`}>
      {t(`applications.statuses.${status}`)}
    </Tag>
  );
}
