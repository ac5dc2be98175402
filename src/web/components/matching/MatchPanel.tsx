import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MatchEntityType, MatchTarget } from '../../../domain/matching/vocabularies';
import { matchesPath } from '../../lib/matching';
import { ApiError } from '../../services/api';
import { matchingApi, matchingKeys } from '../../services/matching';
import { MatchCard } from './MatchCard';

export interface MatchPanelProps {
  subjectType: MatchEntityType;
  subjectId: string;
  targets: MatchTarget[];
  limit?: number;
  title?: string;
}

/**
 * A request the viewer may not make (not theirs to match, not visible) or a subject that cannot be
 * matched to these targets (400: e.g. a community without a matching profile): the panel hides itself.
 */
function quietly(error: unknown): boolean {
  return error instanceof ApiError && [400, 401, 403, 404].includes(error.status);
}

function TargetList({ subjectType, subjectId, target, limit }: { subjectType: MatchEntityType; subjectId: string; target: MatchTarget; limit: number }) {
  const { t } = useTranslation();
  const filter = { target, limit };
  const query = useQuery({
    queryKey: matchingKeys.list(subjectType, subjectId, filter),
    queryFn: () => matchingApi.list(subjectType, subjectId, filter),
    retry: (count, error) => !quietly(error) && count < 1,
  });
  if (query.isPending) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  if (query.isError) return <Typography.Text type="secondary">{t('common.loadFailed')}</Typography.Text>;
  const items = query.data.items;
  return (
    <div data-testid={`match-list-${target}`}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matching.panel.empty')} />
      ) : (
        <div className="bb-match-list">
          {items.map((item) => (
            <MatchCard key={`${item.candidate.type}:${item.candidate.id}`} subjectType={subjectType} subjectId={subjectId} target={target} item={item} />
          ))}
        </div>
      )}
      <div style={{ marginTop: 10, display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('matching.panel.considered', { count: query.data.considered })}
        </Typography.Text>
        <Link to={matchesPath(subjectType, subjectId, target)} data-testid="match-view-all">
          {t('matching.panel.viewAll')}
        </Link>
      </div>
    </div>
  );
}

/**
 * The ranked matches of one record, a tab per target, the first `limit` of each as cards.
 * Shows nothing when the viewer may not ask (403/404), so pages can place it unconditionally.
 */
export function MatchPanel({ subjectType, subjectId, targets, limit = 5, title }: MatchPanelProps) {
  const { t } = useTranslation();
  const [active, setActive] = useState<MatchTarget | undefined>(targets[0]);
  const first = targets[0];
  // Probe the first target: a refusal hides the whole panel (the other targets share the subject's permission).
  const probeFilter = { target: first ?? 'projects', limit };
  const probe = useQuery({
    queryKey: matchingKeys.list(subjectType, subjectId, probeFilter),
    queryFn: () => matchingApi.list(subjectType, subjectId, probeFilter),
    enabled: Boolean(first),
    retry: (count, error) => !quietly(error) && count < 1,
  });
  if (!first || (probe.isError && quietly(probe.error))) return null;
  const current = active && targets.includes(active) ? active : first;

  return (
    <Card
      size="small"
      variant="borderless"
      title={title ?? t('matching.panel.title')}
      data-testid="match-panel"
      extra={
        <Link to={matchesPath(subjectType, subjectId, current)} data-testid="match-panel-all">
          {t('matching.panel.viewAll')}
        </Link>
      }
    >
      {targets.length > 1 ? (
        <Tabs
          size="small"
          activeKey={current}
          onChange={(key) => setActive(key as MatchTarget)}
          items={targets.map((target) => ({
            key: target,
            label: <span data-testid={`match-tab-${target}`}>{t(`matching.targets.${target}`)}</span>,
            children: current === target ? <TargetList subjectType={subjectType} subjectId={subjectId} target={target} limit={limit} /> : null,
          }))}
        />
      ) : (
        <TargetList subjectType={subjectType} subjectId={subjectId} target={first} limit={limit} />
      )}
    </Card>
  );
}
