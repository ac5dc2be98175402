import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Switch, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { MATCH_ENTITY_TYPES, MATCH_TARGETS, type MatchEntityType, type MatchTarget } from '../../../domain/matching/vocabularies';
import { PageHeader } from '../../components/PageHeader';
import { ForbiddenResult, LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { MatchCard, RecordMeta, RecordTitle } from '../../components/matching/MatchCard';
import { recordTitle } from '../../lib/matching';
import { ApiError } from '../../services/api';
import { matchingApi, matchingKeys } from '../../services/matching';

const isType = (v: string | undefined): v is MatchEntityType => (MATCH_ENTITY_TYPES as readonly string[]).includes(v ?? '');
const isTarget = (v: string | null): v is MatchTarget => (MATCH_TARGETS as readonly string[]).includes(v ?? '');

/** Targets to try, in order, when the address names none (or one that does not fit the subject). */
const DEFAULT_TARGETS: Record<MatchEntityType, MatchTarget[]> = {
  project: ['investors', 'parks', 'services'],
  organisation: ['projects', 'briefs', 'challenges'],
  community: ['projects'],
  brief: ['companies'],
  challenge: ['research_teams', 'briefs'],
};

/** `/matches/:subjectType/:subjectId?target=`: every match of one record for one target, larger cards. */
export function MatchesPage() {
  const { subjectType, subjectId = '' } = useParams();
  if (!isType(subjectType)) return <NotFoundResult />;
  return <Matches subjectType={subjectType} subjectId={subjectId} />;
}

function Matches({ subjectType, subjectId }: { subjectType: MatchEntityType; subjectId: string }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const targetParam = params.get('target');
  const includeDismissed = params.get('dismissed') === '1';
  // Without a target the subject's tabs are not known yet: try the plausible ones in turn (a target
  // that does not fit the subject answers 400), then follow the `targets` the answer lists.
  const tries = isTarget(targetParam) ? [targetParam, ...DEFAULT_TARGETS[subjectType].filter((x) => x !== targetParam)] : DEFAULT_TARGETS[subjectType];
  const query = useQuery({
    queryKey: [...matchingKeys.list(subjectType, subjectId, { target: tries[0]!, limit: 50, includeDismissed }), tries.join(',')],
    queryFn: async () => {
      for (let i = 0; ; i++) {
        try {
          return await matchingApi.list(subjectType, subjectId, { target: tries[i]!, limit: 50, includeDismissed });
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 400) || i >= tries.length - 1) throw e;
        }
      }
    },
    placeholderData: (previous) => previous,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  if (query.isPending) return <PageSkeleton />;
  if (query.isError) {
    const e = query.error;
    if (e instanceof ApiError && e.status === 404) return <NotFoundResult />;
    if (e instanceof ApiError && e.status === 403) return <ForbiddenResult />;
    return <LoadError error={e} onRetry={() => void query.refetch()} />;
  }
  const list = query.data;
  const tabs = list.targets.length > 0 ? list.targets : [list.target];
  const name = recordTitle(list.subject, i18n.language);

  return (
    <div data-testid="matches-page">
      <PageHeader
        title={t('matching.matches.forSubject', { name, target: t(`matching.targets.${list.target}`) })}
        subtitle={t('matching.panel.considered', { count: list.considered })}
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} size="small">
        <Typography.Text type="secondary">{t('matching.explanation.subject')}</Typography.Text>
        <div>
          <RecordTitle record={list.subject} />
        </div>
        <RecordMeta record={list.subject} />
      </Card>
      <Card variant="borderless">
        <Tabs
          activeKey={list.target}
          onChange={(key) => setParam('target', key)}
          items={tabs.map((tg) => ({ key: tg, label: <span data-testid={`matches-tab-${tg}`}>{t(`matching.targets.${tg}`)}</span> }))}
          tabBarExtraContent={
            <Space size={6}>
              <Switch size="small" checked={includeDismissed} onChange={(on) => setParam('dismissed', on ? '1' : null)} data-testid="include-dismissed" />
              <Typography.Text style={{ fontSize: 13 }}>{t('matching.matches.includeDismissed')}</Typography.Text>
            </Space>
          }
        />
        {list.items.length === 0 ? (
          <Empty description={t('matching.matches.empty')} data-testid="matches-empty" />
        ) : (
          <div className="bb-match-list" data-testid="matches-list">
            {list.items.map((item) => (
              <MatchCard
                key={`${item.candidate.type}:${item.candidate.id}`}
                subjectType={subjectType}
                subjectId={subjectId}
                target={list.target}
                item={item}
                large
                hideDismissed={!includeDismissed}
              />
            ))}
          </div>
        )}
      </Card>
    </div>
  );
}
