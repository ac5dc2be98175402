import { SyncOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageSkeleton } from '../../components/States';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { refreshDone } from '../../lib/matching';
import { ApiError } from '../../services/api';
import { matchingApi, matchingKeys, type RefreshRun } from '../../services/matching';

const STATUS_COLOR: Record<RefreshRun['status'], string> = { running: 'processing', succeeded: 'success', failed: 'error' };

/** `/admin/matching`: the last full refresh of stored suggestions, and a button to run one now. */
export function AdminMatchingPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: matchingKeys.refresh,
    queryFn: matchingApi.refreshStatus,
    // Poll while a run is going on.
    refetchInterval: (q) => (q.state.data?.last && !refreshDone(q.state.data.last.status) ? 2000 : false),
  });

  const refresh = useMutation({
    mutationFn: matchingApi.refresh,
    onSuccess: () => {
      void message.success(t('matching.admin.started'));
      void queryClient.invalidateQueries({ queryKey: matchingKeys.refresh });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        void message.warning(t('matching.admin.alreadyRunning'));
        void queryClient.invalidateQueries({ queryKey: matchingKeys.refresh });
        return;
      }
      onError(e);
    },
  });

  if (status.isPending) return <PageSkeleton />;
  if (status.isError) return <LoadError error={status.error} onRetry={() => void status.refetch()} />;
  const run = status.data.last;
  const running = run?.status === 'running';

  return (
    <div data-testid="admin-matching">
      <PageHeader
        title={t('matching.admin.title')}
        subtitle={t('matching.admin.subtitle')}
        extra={
          <Button type="primary" icon={<SyncOutlined spin={running} />} loading={refresh.isPending} disabled={running} onClick={() => refresh.mutate()} data-testid="refresh-now">
            {t('matching.admin.refreshNow')}
          </Button>
        }
      />
      <Card variant="borderless" title={t('matching.admin.lastRun')}>
        {!run ? (
          <Empty description={t('matching.admin.never')} data-testid="refresh-never" />
        ) : (
          <>
            {running && <Alert type="info" showIcon title={t('matching.admin.polling')} style={{ marginBottom: 16 }} />}
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} bordered size="small" data-testid="refresh-run">
              <Descriptions.Item label={t('matching.explanation.status')}>
                <Tag color={STATUS_COLOR[run.status]} data-testid="refresh-status" data-status={run.status}>
                  {t(`matching.admin.runStatus.${run.status}`)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('matching.admin.subjects')}>{formatNumber(run.subjects, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('matching.admin.suggestions')}>{formatNumber(run.suggestions, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('matching.admin.duration')}>
                {run.durationMs !== null ? t('matching.admin.seconds', { value: formatNumber(Math.round(run.durationMs / 100) / 10, lang) }) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('matching.admin.peakMemory')}>
                {run.peakRssMb !== null ? t('matching.admin.megabytes', { value: formatNumber(run.peakRssMb, lang) }) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('matching.admin.startedAt')}>{formatDateTime(run.startedAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('matching.admin.finishedAt')}>{run.finishedAt ? formatDateTime(run.finishedAt, lang) : '—'}</Descriptions.Item>
              {run.error && (
                <Descriptions.Item label={t('matching.admin.error')} span={3}>
                  <span style={{ color: '#cf1322', wordBreak: 'break-word' }}>{run.error}</span>
                </Descriptions.Item>
              )}
            </Descriptions>
          </>
        )}
      </Card>
    </div>
  );
}
