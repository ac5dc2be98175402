import { BulbOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageSkeleton } from '../../components/States';
import { MatchCard } from '../../components/matching/MatchCard';
import '../../components/matching/matching.css';
import { formatDateTime } from '../../lib/format';
import { matchesPath, recordTitle } from '../../lib/matching';
import { matchingApi, matchingKeys, type SuggestionGroup } from '../../services/matching';

/** The first words of a group: "为「诚泰创投」推荐的项目". */
export function useGroupTitle() {
  const { t, i18n } = useTranslation();
  return (group: SuggestionGroup) => t(`matching.suggestions.group.${group.target}`, { name: recordTitle(group.subject, i18n.language) });
}

export function useSuggestions() {
  return useQuery({ queryKey: matchingKeys.suggestions, queryFn: matchingApi.suggestions });
}

/** Why there is nothing, and what to do about it. */
export function SuggestionsEmpty() {
  const { t } = useTranslation();
  return (
    <Result
      icon={<BulbOutlined />}
      title={t('matching.suggestions.emptyTitle')}
      subTitle={
        <div style={{ maxWidth: 560, margin: '0 auto' }}>
          <p>{t('matching.suggestions.emptyWhy')}</p>
          <p>{t('matching.suggestions.emptyWhat')}</p>
        </div>
      }
      extra={
        <Space wrap style={{ justifyContent: 'center' }}>
          <Link to="/briefs/new">
            <Button type="primary">{t('matching.suggestions.publishBrief')}</Button>
          </Link>
          <Link to="/challenges/new">
            <Button>{t('matching.suggestions.publishChallenge')}</Button>
          </Link>
        </Space>
      }
      data-testid="suggestions-empty"
    />
  );
}

/** `/suggestions`: 为我推荐 — one card per subject the viewer speaks for. */
export function SuggestionsPage() {
  const { t, i18n } = useTranslation();
  const query = useSuggestions();
  const groupTitle = useGroupTitle();
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const groups = query.data.groups;

  return (
    <div data-testid="suggestions-page">
      <PageHeader title={t('matching.suggestions.title')} subtitle={t('matching.suggestions.subtitle')} />
      {groups.length === 0 ? (
        <Card variant="borderless">
          <SuggestionsEmpty />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {groups.map((g) => (
            <Card
              key={`${g.subject.type}:${g.subject.id}:${g.target}`}
              variant="borderless"
              title={<span style={{ whiteSpace: 'normal' }}>{groupTitle(g)}</span>}
              data-testid="suggestion-group"
              data-subject={g.subject.id}
              data-target={g.target}
              extra={
                <Link to={matchesPath(g.subject.type, g.subject.id, g.target)} data-testid="suggestion-group-all">
                  {t('matching.suggestions.viewAll')}
                </Link>
              }
            >
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 8 }}>
                {g.refreshedAt ? t('matching.suggestions.refreshedAt', { time: formatDateTime(g.refreshedAt, i18n.language) }) : t('matching.suggestions.live')}
              </Typography.Text>
              {g.items.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matching.suggestions.groupEmpty')} />
              ) : (
                <div className="bb-match-list">
                  {g.items.map((item) => (
                    <MatchCard key={`${item.candidate.type}:${item.candidate.id}`} subjectType={g.subject.type} subjectId={g.subject.id} target={g.target} item={item} />
                  ))}
                </div>
              )}
            </Card>
          ))}
        </Space>
      )}
    </div>
  );
}
