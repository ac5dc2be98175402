import { BulbOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Progress, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { explanationPath, recordTitle, scorePercent, topReasons } from '../../lib/matching';
import { matchingApi, matchingKeys } from '../../services/matching';
import { scoreColor } from './MatchBits';
import { RecordTitle } from './MatchCard';
import { useMatchWords } from './useMatchWords';
import './matching.css';

/** The home page's "为你推荐": the first few stored suggestions across the viewer's subjects. */
export function HomeSuggestions({ max = 4 }: { max?: number }) {
  const { t, i18n } = useTranslation();
  const words = useMatchWords();
  const query = useQuery({ queryKey: matchingKeys.suggestions, queryFn: matchingApi.suggestions, retry: false });
  // Nothing to suggest to this viewer (no subjects of theirs): the suggestions page explains why; home stays quiet.
  if (query.isError || (query.data && query.data.groups.length === 0)) return null;
  const groups = query.data?.groups ?? [];
  // Round-robin over the groups so every subject gets a line before any gets two.
  const picked: { group: (typeof groups)[number]; item: (typeof groups)[number]['items'][number] }[] = [];
  for (let i = 0; picked.length < max && groups.some((g) => g.items.length > i); i++) {
    for (const group of groups) {
      const item = group.items[i];
      if (item && picked.length < max) picked.push({ group, item });
    }
  }

  return (
    <Card
      variant="borderless"
      title={
        <span>
          <BulbOutlined /> {t('matching.home.forYou')}
        </span>
      }
      style={{ marginBottom: 16 }}
      extra={<Link to="/suggestions">{t('matching.home.more')}</Link>}
      data-testid="home-suggestions"
    >
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : picked.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matching.home.none')} />
      ) : (
        <div className="bb-match-list">
          {picked.map(({ group, item }) => {
            const percent = scorePercent(item.score);
            const reason = topReasons(item.criteria, 1)[0];
            return (
              <div key={`${group.subject.id}:${group.target}:${item.candidate.id}`} data-testid="home-suggestion" style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
                <Progress type="circle" size={40} percent={percent} strokeColor={scoreColor(percent)} format={(p) => p} />
                <div style={{ minWidth: 0, flex: 1 }}>
                  <div>
                    <RecordTitle record={item.candidate} />
                    {item.isNew && (
                      <Tag color="volcano" style={{ marginInlineStart: 6 }}>
                        {t('matching.suggestions.new')}
                      </Tag>
                    )}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
                    {/* Whom it is for matters only when the viewer speaks for several subjects. */}
                    {[groups.length > 1 && t(`matching.suggestions.group.${group.target}`, { name: recordTitle(group.subject, i18n.language) }), reason && words.reasonText(reason)]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </div>
                <Link to={explanationPath(group.subject.type, group.subject.id, item.candidate, group.target)} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {t('matching.panel.why')}
                </Link>
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}
