import { FlagOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunity } from '../../lib/community';
import { formatDate, localName } from '../../lib/format';
import { LoadError } from '../States';
import { lifecycleApi, lifecycleKeys } from '../../services/lifecycle';
import { MilestoneForm } from './MilestoneForm';
import { ProjectTimeline } from './ProjectTimeline';
import { StageMoveModal } from './StageMoveModal';
import { StageProgress } from './StageProgress';
import { useLifecycleCatalogue } from './support';

/** A project's lifecycle: its model's stages, where it sits and since when, the timeline, and (for editors) moves and milestones. */
export function LifecycleSection({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const catalogue = useLifecycleCatalogue();
  const query = useQuery({ queryKey: lifecycleKeys.timeline(projectId), queryFn: () => lifecycleApi.timeline(projectId) });
  const [moving, setMoving] = useState(false);
  const [recording, setRecording] = useState(false);

  if (query.error) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data || !catalogue.data) return <Skeleton active />;
  const tl = query.data;
  const model = catalogue.data.models.find((m) => m.code === tl.modelCode);

  return (
    <div data-testid="lifecycle-section">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space direction="vertical" size={2}>
            {model && <Typography.Text type="secondary">{t('lifecycle.model', { name: localName(model, i18n.language) })}</Typography.Text>}
            <Space size={8} wrap>
              <Typography.Text>{t('lifecycle.currentStage')}</Typography.Text>
              <Tag color="purple" data-testid="lifecycle-stage">
                {catalogue.stageName(tl.stage)}
              </Tag>
              <Typography.Text type="secondary" data-testid="lifecycle-days">
                {t('lifecycle.inStageFor', { count: tl.daysInStage, since: formatDate(tl.stageSince, i18n.language, community.timeZone) })}
              </Typography.Text>
            </Space>
          </Space>
          {tl.permissions.canEdit && (
            <Space wrap>
              {model && (
                <Button icon={<SwapOutlined />} onClick={() => setMoving(true)} data-testid="lifecycle-move">
                  {t('lifecycle.moveStage')}
                </Button>
              )}
              <Button type="primary" icon={<FlagOutlined />} onClick={() => setRecording(true)} data-testid="lifecycle-add-milestone">
                {t('lifecycle.addMilestone')}
              </Button>
            </Space>
          )}
        </Space>
        {model && <StageProgress model={model} stage={tl.stage} lang={i18n.language} />}
      </Card>
      <Typography.Title level={5}>{t('lifecycle.timeline')}</Typography.Title>
      <ProjectTimeline projectId={projectId} entries={tl.entries} />
      {model && (
        <StageMoveModal open={moving} onClose={() => setMoving(false)} projectId={projectId} model={model} stage={tl.stage} stageSince={tl.stageSince} version={tl.version} />
      )}
      <MilestoneForm open={recording} onClose={() => setRecording(false)} projectId={projectId} track={tl.track} model={model} stage={tl.stage} version={tl.version} />
    </div>
  );
}
