/** A registration's status as a coloured tag, alike on every page that shows one. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../../../domain/events/vocabularies';

const COLOURS: Record<RegistrationStatus, string> = { pending: 'processing', confirmed: 'success', waitlisted: 'warning', declined: 'error', cancelled: 'default' };

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="registrations-status-tag">
      {t(`registrations.status.${status}`)}
    </Tag>
  );
}
