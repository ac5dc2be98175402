/**
 * The judging console of a roadshow or competition: the rounds as steps, and for the chosen
 * round its criteria, judges, entries with recusals, the progress matrix, and closing,
 * reopening or deleting it. New rounds take the screened-in applications or the previous
 * round's top N.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Popconfirm, Row, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JUDGED_KINDS } from '../../../domain/events/vocabularies';
import { useApiErrorHandler } from '../../lib/errors';
import { judgingApi, judgingKeys, type RoundSummary } from '../../services/judging';
import { LoadError, PageSkeleton } from '../States';
import { RoundStatusTag } from './JudgingCommon';
import { RoundCreateModal } from './RoundCreateModal';
import { RoundCriteria } from './RoundCriteria';
import { RoundEntries } from './RoundEntries';
import { RoundJudges } from './RoundJudges';
import { RoundProgress } from './RoundProgress';
import type { EventTabProps } from './types';

function RoundPanel({ communityId, eventId, summary, isLast }: { communityId: string; eventId: string; summary: RoundSummary; isLast: boolean }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const round = useQuery({ queryKey: judgingKeys.round(eventId, summary.id), queryFn: () => judgingApi.round(communityId, eventId, summary.id) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: judgingKeys.event(eventId) });
  const status = useMutation({
    mutationFn: (to: 'close' | 'reopen') => (to === 'close' ? judgingApi.close : judgingApi.reopen)(communityId, eventId, summary.id, round.data!.version),
    onSuccess: () => void refresh(),
    onError: (e) => onError(e),
  });
  const remove = useMutation({ mutationFn: () => judgingApi.deleteRound(communityId, eventId, summary.id), onSuccess: () => void refresh(), onError: (e) => onError(e) });
  if (round.isPending) return <PageSkeleton />;
  if (round.isError) return <LoadError error={round.error} onRetry={() => void round.refetch()} />;
  const data = round.data;
  return (
    <div data-testid="judging-round-panel">
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {data.name}
          </Typography.Title>
          <RoundStatusTag status={data.status} />
          <Typography.Text type="secondary">{t('judging.round.scale', { min: data.scoreMin, max: data.scoreMax })}</Typography.Text>
        </Space>
        <Space wrap>
          {data.status === 'open' && (
            <Popconfirm title={t('judging.round.confirmClose')} description={t('judging.round.closeHelp', { submitted: data.submittedCount, expected: data.expectedCount })} onConfirm={() => status.mutate('close')}>
              <Button type="primary" loading={status.isPending} data-testid="judging-round-close">
                {t('judging.round.close')}
              </Button>
            </Popconfirm>
          )}
          {data.status === 'closed' && (
            <Popconfirm title={t('judging.round.confirmReopen')} onConfirm={() => status.mutate('reopen')}>
              <Button loading={status.isPending} data-testid="judging-round-reopen">
                {t('judging.round.reopen')}
              </Button>
            </Popconfirm>
          )}
          {isLast && data.status !== 'published' && (
            <Popconfirm title={t('judging.round.confirmDelete')} onConfirm={() => remove.mutate()}>
              <Button danger loading={remove.isPending}>
                {t('judging.round.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      {data.status !== 'open' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(data.status === 'closed' ? 'judging.round.closedNote' : 'judging.round.publishedNote')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <RoundCriteria communityId={communityId} round={data} />
        </Col>
        <Col xs={24} lg={12}>
          <RoundJudges communityId={communityId} round={data} />
        </Col>
        <Col xs={24}>
          <RoundProgress communityId={communityId} round={data} />
        </Col>
        <Col xs={24}>
          <RoundEntries communityId={communityId} round={data} />
        </Col>
      </Row>
    </div>
  );
}

export function JudgingTab({ event }: EventTabProps) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const overview = useQuery({ queryKey: judgingKeys.overview(event.id), queryFn: () => judgingApi.overview(event.communityId, event.id), enabled: event.canManage });
  if (!JUDGED_KINDS.includes(event.kind)) return <Empty description={t('judging.notJudged')} />;
  if (!event.canManage) return <Empty description={t('judging.organisersOnly')} />;
  if (overview.isPending) return <PageSkeleton />;
  if (overview.isError) return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  const rounds = overview.data.rounds;
  const current = rounds.find((r) => r.id === selected) ?? rounds.at(-1);
  const last = rounds.at(-1);
  // A later round advances from a closed one; the first needs screened-in applications.
  const canCreate = last ? last.status !== 'open' : overview.data.screenedInCount > 0;
  return (
    <div data-testid="judging-tab">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('judging.screenedIn', { count: overview.data.screenedInCount })}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} disabled={!canCreate} onClick={() => setCreating(true)} data-testid="judging-round-new">
          {t('judging.round.new')}
        </Button>
      </Space>
      {!canCreate && <Typography.Paragraph type="secondary">{t(last ? 'judging.round.closeFirst' : 'judging.round.screenFirst')}</Typography.Paragraph>}
      {rounds.length === 0 ? (
        <Empty description={t('judging.noRounds')} />
      ) : (
        <>
          <Steps
            style={{ marginBottom: 24 }}
            current={rounds.findIndex((r) => r.id === current?.id)}
            onChange={(i) => setSelected(rounds[i]!.id)}
            items={rounds.map((r) => ({
              title: r.name,
              description: t('judging.round.stepInfo', { entries: r.entryCount, judges: r.judgeCount, submitted: r.submittedCount, expected: r.expectedCount }),
              status: r.status === 'published' ? 'finish' : r.status === 'closed' ? 'finish' : 'process',
            }))}
            data-testid="judging-rounds"
          />
          {current && <RoundPanel key={current.id} communityId={event.communityId} eventId={event.id} summary={current} isLast={current.id === last?.id} />}
        </>
      )}
      <RoundCreateModal
        communityId={event.communityId}
        eventId={event.id}
        previous={last}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setSelected(id);
        }}
      />
    </div>
  );
}
