import { QuestionCircleOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Tag, Typography } from 'antd';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MatchEntityType, MatchTarget } from '../../../domain/matching/vocabularies';
import { CommunityContext, LAST_COMMUNITY_KEY } from '../../lib/community';
import { explanationPath, recordLink, recordTitle, type LinkContext } from '../../lib/matching';
import { provinceName } from '../../lib/regions';
import { useSession } from '../../lib/session';
import type { MatchItem, MatchRecord } from '../../services/matching';
import { FeedbackButtons, useFeedback } from './FeedbackButtons';
import { ReasonTags, ScoreBar } from './MatchBits';
import { useMatchWords } from './useMatchWords';
import './matching.css';

/** Where records open for this viewer (communities from the session, the current or last community). */
export function useLinkContext(): LinkContext {
  const session = useSession();
  const scope = useContext(CommunityContext);
  let last: string | null = null;
  try {
    last = typeof localStorage !== 'undefined' ? localStorage.getItem(LAST_COMMUNITY_KEY) : null;
  } catch {
    last = null;
  }
  return {
    communities: (session.data?.communities ?? []).filter((c) => c.role !== null),
    fallbackSlug: scope?.community.slug ?? last,
  };
}

/** A record's name, linked where the viewer may open it. */
export function RecordTitle({ record, className }: { record: MatchRecord; className?: string }) {
  const { t, i18n } = useTranslation();
  const link = recordLink(record, useLinkContext());
  const title = recordTitle(record, i18n.language);
  return link ? (
    <Link to={link} className={className} data-testid="match-name">
      {title}
    </Link>
  ) : (
    <span className={className ?? 'bb-match-name'} data-testid="match-name" title={record.type === 'community' ? t('matching.panel.readOnly') : undefined}>
      {title}
    </span>
  );
}

/** The line under a record's name: kind, subtitle, province. */
export function RecordMeta({ record }: { record: MatchRecord }) {
  const words = useMatchWords();
  // The subtitle often names the city already ("上海市上海市"): add the province only when it does not.
  const province = record.province && !record.subtitle.includes(record.province) ? provinceName(record.province, words.lang) : null;
  const parts = [record.subtitle, province].filter(Boolean);
  return (
    <div className="bb-match-sub">
      <Tag style={{ marginInlineEnd: 6 }}>{words.kindName(record)}</Tag>
      {parts.join(' · ')}
    </div>
  );
}

/**
 * One match: the candidate's name and kind, the score bar, the first reasons, feedback buttons and
 * "why". A candidate the viewer marks not relevant folds into one line (undo there) when `hideDismissed`.
 */
export function MatchCard({
  subjectType,
  subjectId,
  target,
  item,
  large,
  hideDismissed = true,
  maxReasons,
}: {
  subjectType: MatchEntityType;
  subjectId: string;
  target: MatchTarget;
  item: MatchItem;
  large?: boolean;
  hideDismissed?: boolean;
  maxReasons?: number;
}) {
  const { t } = useTranslation();
  const c = item.candidate;
  const pair = { subjectType, subjectId, candidateType: c.type, candidateId: c.id };
  const feedback = useFeedback(pair, item.feedback);
  const dismissed = feedback.verdict === 'not_relevant';

  if (dismissed && hideDismissed) {
    return (
      <div className="bb-match-dismissed-line" data-testid="match-dismissed" data-candidate={c.id}>
        <Space wrap>
          <span>{t('matching.feedback.dismissedHint')}</span>
          <Button size="small" type="link" onClick={() => feedback.set(null)} data-testid="feedback-undo">
            {t('matching.feedback.undo')}
          </Button>
        </Space>
      </div>
    );
  }

  const card = (
    <div className={`bb-match-card${large ? ' is-large' : ''}${dismissed ? ' is-dismissed' : ''}`} data-testid="match-card" data-candidate={c.id} data-candidate-type={c.type}>
      <div className="bb-match-card-head">
        <div className="bb-match-card-title">
          {large && (
            <Tag color="geekblue" style={{ marginInlineEnd: 8 }} data-testid="match-rank">
              {t('matching.matches.rank', { rank: item.rank })}
            </Tag>
          )}
          <RecordTitle record={c} />
          {dismissed && (
            <Tag color="default" style={{ marginInlineStart: 8 }}>
              {t('matching.matches.dismissed')}
            </Tag>
          )}
          <RecordMeta record={c} />
        </div>
        <ScoreBar score={item.score} width={large ? 160 : 120} />
      </div>
      <ReasonTags criteria={item.criteria} max={maxReasons ?? (large ? 6 : 4)} />
      <div className="bb-match-card-foot">
        <FeedbackButtons verdict={feedback.verdict} onToggle={feedback.toggle} pending={feedback.pending} />
        <Link to={explanationPath(subjectType, subjectId, c, target)} data-testid="match-why">
          <Typography.Text style={{ color: 'inherit' }}>
            <QuestionCircleOutlined /> {t('matching.panel.why')}
          </Typography.Text>
        </Link>
      </div>
    </div>
  );
  return item.isNew ? (
    <Badge.Ribbon text={t('matching.suggestions.new')} color="volcano">
      {card}
    </Badge.Ribbon>
  ) : (
    card
  );
}
