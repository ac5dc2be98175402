import { DeleteOutlined, FileImageOutlined, FilePdfOutlined, FlagOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCommunity } from '../../lib/community';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { directoryKeys, fileUrl } from '../../services/directory';
import { lifecycleApi, lifecycleKeys, type TimelineEntry } from '../../services/lifecycle';
import { useLifecycleCatalogue } from './support';

const KIND_COLOR: Record<string, string> = { initial: 'gray', advance: 'blue', skip: 'purple', rollback: 'red' };

/** A project's stage changes and milestones, newest first, each with who recorded it and its evidence. */
export function ProjectTimeline({ projectId, entries }: { projectId: string; entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const { stageName, kindName } = useLifecycleCatalogue();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => lifecycleApi.removeMilestone(projectId, id),
    onSuccess: () => {
      void message.success(t('lifecycle.milestoneRemoved'));
      void queryClient.invalidateQueries({ queryKey: lifecycleKeys.timeline(projectId) });
      void queryClient.invalidateQueries({ queryKey: directoryKeys.activity('project', projectId) });
    },
    onError: (e) => onError(e),
  });

  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lifecycle.emptyTimeline')} />;

  const date = (d: string) => formatDate(d, i18n.language, community.timeZone);
  const recorder = (e: TimelineEntry) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {e.recordedBy ? t('lifecycle.recordedBy', { name: e.recordedBy.displayName }) : t('lifecycle.recordedByUnknown')}
    </Typography.Text>
  );

  return (
    <Timeline
      data-testid="lifecycle-timeline"
      items={entries.map((e) => {
        if (e.type === 'stage_change') {
          return {
            key: e.id,
            color: KIND_COLOR[e.kind] ?? 'gray',
            content: (
              <div data-testid="timeline-stage-change" data-kind={e.kind}>
                <Space size={8} wrap>
                  <Typography.Text strong>{date(e.date)}</Typography.Text>
                  <Tag color={KIND_COLOR[e.kind]}>{t(`lifecycle.kinds.${e.kind}`)}</Tag>
                  <span>{e.fromStage ? t('lifecycle.changeText', { from: stageName(e.fromStage), to: stageName(e.toStage) }) : t('lifecycle.startText', { to: stageName(e.toStage) })}</span>
                </Space>
                {e.skipped.length > 0 && <div style={{ color: '#722ed1' }}>{t('lifecycle.skipped', { stages: e.skipped.map(stageName).join('、') })}</div>}
                {e.reason && (
                  <div data-testid="timeline-reason" style={{ color: e.kind === 'rollback' ? '#cf1322' : undefined }}>
                    {t('lifecycle.reason', { reason: e.reason })}
                  </div>
                )}
                <div>{recorder(e)}</div>
              </div>
            ),
          };
        }
        const image = e.evidenceFile?.contentType.startsWith('image/');
        return {
          key: e.id,
          color: 'green',
          icon: <FlagOutlined style={{ color: '#389e0d' }} />,
          content: (
            <div data-testid="timeline-milestone" data-kind={e.kind}>
              <Space size={8} wrap>
                <Typography.Text strong>{date(e.date)}</Typography.Text>
                <Tag color="green">{t('lifecycle.milestone')}</Tag>
                <Typography.Text strong>{kindName(e.kind)}</Typography.Text>
                {e.canDelete && (
                  <Popconfirm
                    title={t('lifecycle.removeMilestone')}
                    okText={t('lifecycle.remove')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('lifecycle.cancel')}
                    onConfirm={() => remove.mutateAsync(e.id).catch(() => undefined)}
                  >
                    <Button type="link" danger size="small" icon={<DeleteOutlined />} aria-label={t('lifecycle.remove')} data-testid="milestone-remove" />
                  </Popconfirm>
                )}
              </Space>
              {e.note && <div className="bb-description">{e.note}</div>}
              <Space size={12} wrap>
                {e.evidenceFile && (
                  <a href={fileUrl(e.evidenceFile.id)} target="_blank" rel="noreferrer" data-testid="milestone-evidence-file">
                    {image ? <FileImageOutlined style={{ marginInlineEnd: 4 }} /> : <FilePdfOutlined style={{ color: '#cf1322', marginInlineEnd: 4 }} />}
                    {e.evidenceFile.filename}
                  </a>
                )}
                {e.evidenceUrl && (
                  <a href={e.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow" data-testid="milestone-evidence-link">
                    <LinkOutlined style={{ marginInlineEnd: 4 }} />
                    {t('lifecycle.evidenceLink')}
                  </a>
                )}
                {recorder(e)}
              </Space>
            </div>
          ),
        };
      })}
    />
  );
}
