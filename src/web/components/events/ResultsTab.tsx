/**
 * Results of a judged event: per round, the ranking under raw means or z-scores (compare both;
 * saving the choice is the event's judging setting, which publishing uses), tie groups marked
 * 并列, judges counted and their spread, an award per entry, publishing with a confirmation
 * (one e-mail per applicant), and the scores export.
 */
import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Grid, Input, List, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JUDGED_KINDS, type Normalisation } from '../../../domain/events/vocabularies';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { judgingApi, judgingKeys, type JudgingOverview, type RankingRow, type RoundSummary } from '../../services/judging';
import { LoadError, PageSkeleton } from '../States';
import { formatScore, RoundStatusTag } from './JudgingCommon';
import type { EventTabProps } from './types';

function RankCell({ row }: { row: RankingRow }) {
  const { t } = useTranslation();
  if (row.rank === null) return <Typography.Text type="secondary">{t(`judging.unranked.${row.unrankedReason ?? 'no_scores'}`)}</Typography.Text>;
  return (
    <Space size={4}>
      <Typography.Text strong>{row.rank}</Typography.Text>
      {row.tied && (
        <Tag color="magenta" data-testid="judging-tie">
          {t('judging.results.tied')}
        </Tag>
      )}
    </Space>
  );
}

function RoundResults({ communityId, eventId, eventTimeZone, overview, round }: { communityId: string; eventId: string; eventTimeZone: string; overview: JudgingOverview; round: RoundSummary }) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [normalisation, setNormalisation] = useState<Normalisation>(overview.normalisation);
  const [awards, setAwards] = useState<Record<string, string>>({});
  const ranking = useQuery({ queryKey: judgingKeys.ranking(eventId, round.id, normalisation), queryFn: () => judgingApi.ranking(communityId, eventId, round.id, normalisation) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: judgingKeys.event(eventId) });
  const saveSetting = useMutation({
    mutationFn: () => judgingApi.setNormalisation(communityId, eventId, normalisation, overview.eventVersion),
    onSuccess: () => {
      void message.success(t('judging.results.settingSaved'));
      void refresh();
    },
    onError: (e) => onError(e),
  });
  const publish = useMutation({
    mutationFn: () => {
      const rows = ranking.data!.rows;
      const chosen = Object.fromEntries(rows.map((r) => [r.applicationId, (awards[r.applicationId] ?? r.award).trim()]).filter(([, a]) => a));
      return judgingApi.publish(communityId, eventId, round.id, { version: ranking.data!.version, awards: chosen });
    },
    onSuccess: () => {
      void message.success(t('judging.results.published'));
      void refresh();
    },
    onError: (e) => onError(e),
  });

  if (ranking.isPending) return <PageSkeleton />;
  if (ranking.isError) return <LoadError error={ranking.error} onRetry={() => void ranking.refetch()} />;
  const data = ranking.data;
  const published = data.status === 'published';
  const confirmPublish = () =>
    modal.confirm({
      title: t('judging.results.confirmTitle', { name: round.name }),
      content: t('judging.results.confirmBody', { count: data.rows.length, normalisation: t(`judging.normalisations.${overview.normalisation}`) }),
      okText: t('judging.results.publish'),
      onOk: () => publish.mutateAsync(),
    });
  const awardInput = (row: RankingRow) =>
    published ? (
      row.award || '—'
    ) : (
      <Input
        size="small"
        maxLength={60}
        placeholder={t('judging.results.awardPlaceholder')}
        value={awards[row.applicationId] ?? row.award}
        onChange={(e) => setAwards((a) => ({ ...a, [row.applicationId]: e.target.value }))}
        data-testid="judging-award"
        style={{ minWidth: 120 }}
      />
    );
  const columns: TableColumnsType<RankingRow> = [
    { title: t('judging.results.rank'), key: 'rank', width: 110, render: (_, r) => <RankCell row={r} /> },
    { title: t('judging.results.project'), key: 'project', render: (_, r) => (<Space orientation="vertical" size={0}><Typography.Text strong>{r.projectName}</Typography.Text><Typography.Text type="secondary">{r.organisationName}</Typography.Text></Space>) },
    { title: t(`judging.results.score_${normalisation}`), key: 'score', align: 'right', render: (_, r) => formatScore(r.score) },
    ...(normalisation === 'z_score' ? [{ title: t('judging.results.rawMean'), key: 'raw', align: 'right' as const, render: (_: unknown, r: RankingRow) => formatScore(r.rawMean) }] : []),
    { title: t('judging.results.judges'), dataIndex: 'judgesCounted', align: 'right' },
    {
      title: t('judging.results.spread'),
      key: 'spread',
      align: 'right',
      render: (_, r) => (r.spread === null ? '—' : <Tooltip title={t('judging.results.minMax', { min: formatScore(r.min), max: formatScore(r.max) })}>{formatScore(r.spread)}</Tooltip>),
    },
    { title: t('judging.results.award'), key: 'award', render: (_, r) => awardInput(r) },
    { title: t('judging.results.advanced'), key: 'advanced', render: (_, r) => (r.advanced ? <Tag color="green">{t('judging.entries.advanced')}</Tag> : null) },
  ];
  return (
    <div data-testid="judging-results">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Space wrap>
          <RoundStatusTag status={data.status} />
          <Segmented<Normalisation>
            value={normalisation}
            onChange={setNormalisation}
            options={[
              { value: 'raw_mean', label: t('judging.normalisations.raw_mean') },
              { value: 'z_score', label: t('judging.normalisations.z_score') },
            ]}
            data-testid="judging-normalisation"
          />
          {normalisation !== overview.normalisation ? (
            <Button onClick={() => saveSetting.mutate()} loading={saveSetting.isPending} disabled={published} data-testid="judging-normalisation-save">
              {t('judging.results.useSetting')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('judging.results.isSetting')}</Typography.Text>
          )}
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={judgingApi.exportUrl(communityId, eventId, round.id)} data-testid="judging-export">
            {t('judging.results.export')}
          </Button>
          {!published && (
            <Tooltip title={data.status === 'open' ? t('judging.results.closeFirst') : undefined}>
              <Button type="primary" icon={<SendOutlined />} disabled={data.status !== 'closed' || data.rows.length === 0} loading={publish.isPending} onClick={confirmPublish} data-testid="judging-publish">
                {t('judging.results.publish')}
              </Button>
            </Tooltip>
          )}
        </Space>
      </Space>
      {published && round.publishedAt && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('judging.results.publishedAt', { at: formatDateTime(round.publishedAt, i18n.language, eventTimeZone) })} />}
      {normalisation === 'z_score' && <Typography.Paragraph type="secondary">{t('judging.results.zHelp')}</Typography.Paragraph>}
      {data.rows.length === 0 ? (
        <Empty description={t('judging.entries.empty')} />
      ) : screens.md ? (
        <Table<RankingRow> rowKey="applicationId" size="middle" pagination={false} columns={columns} dataSource={data.rows} rowClassName={(r) => (r.tied ? 'bb-judging-tied' : '')} onRow={(r) => ({ style: r.tied ? { background: 'rgba(235, 47, 150, 0.06)' } : undefined })} />
      ) : (
        <List
          dataSource={data.rows}
          renderItem={(r) => (
            <List.Item style={r.tied ? { background: 'rgba(235, 47, 150, 0.06)' } : undefined}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <RankCell row={r} />
                  <Typography.Text strong>{r.projectName}</Typography.Text>
                </Space>
                <Typography.Text type="secondary">
                  {t('judging.results.line', { score: formatScore(r.score), judges: r.judgesCounted, spread: formatScore(r.spread) })}
                </Typography.Text>
                {awardInput(r)}
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

export function ResultsTab({ event }: EventTabProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(null);
  const overview = useQuery({ queryKey: judgingKeys.overview(event.id), queryFn: () => judgingApi.overview(event.communityId, event.id), enabled: event.canManage });
  if (!JUDGED_KINDS.includes(event.kind)) return <Empty description={t('judging.notJudged')} />;
  if (!event.canManage) return <Empty description={t('judging.organisersOnly')} />;
  if (overview.isPending) return <PageSkeleton />;
  if (overview.isError) return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  const rounds = overview.data.rounds;
  if (rounds.length === 0) return <Empty description={t('judging.noRounds')} />;
  const current = rounds.find((r) => r.id === selected) ?? rounds.at(-1)!;
  return (
    <Card variant="borderless" data-testid="judging-results-tab">
      <Segmented value={current.id} onChange={(v) => setSelected(String(v))} options={rounds.map((r) => ({ value: r.id, label: r.name }))} style={{ marginBottom: 16 }} data-testid="judging-results-round" />
      <RoundResults key={current.id} communityId={event.communityId} eventId={event.id} eventTimeZone={event.timeZone} overview={overview.data} round={current} />
    </Card>
  );
}
