import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxStatus } from '../../services/messages';

/**
 * A message's status as a coloured tag. Without SMTP nothing is ever sent, so a queued message
 * says so instead of "queued" (it would otherwise look stuck).
 */
export function MessageStatusTag(props: { status: OutboxStatus; smtpConfigured: boolean; lastError: string | null; attempts: number }) {
  const { t } = useTranslation();
  const { status, smtpConfigured, lastError, attempts } = props;
  if (status === 'sent') {
    return (
      <Tag color="success" data-testid="messages-status-sent">
        {t('messages.status.sent')}
      </Tag>
    );
  }
  if (status === 'failed') {
    return (
      <Tooltip title={lastError ?? undefined}>
        <Tag color="error" data-testid="messages-status-failed">
          {t('messages.status.failed')}
        </Tag>
      </Tooltip>
    );
  }
  if (!smtpConfigured) {
    return (
      <Tooltip title={t('messages.smtpNotConfiguredNote')}>
        <Tag color="warning" data-testid="messages-status-unconfigured">
          {t('messages.status.unconfigured')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={attempts > 0 && lastError ? `${t('messages.lastError')}: ${lastError}` : undefined}>
      <Tag color="processing" data-testid="messages-status-pending">
        {t('messages.status.pending')}
        {attempts > 0 ? ` · ${t('messages.attemptsValue', { count: attempts })}` : ''}
      </Tag>
    </Tooltip>
  );
}
