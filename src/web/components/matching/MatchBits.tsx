import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined, WarningFilled } from '@ant-design/icons';
import { Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { scorePercent, topReasons } from '../../lib/matching';
import type { CriterionDto } from '../../services/matching';
import { useMatchWords } from './useMatchWords';

export function scoreColor(percent: number): string {
  if (percent >= 70) return '#389e0d';
  if (percent >= 40) return '#1677ff';
  return '#8c8c8c';
}

/** The 0–100 score as a bar with its number. */
export function ScoreBar({ score, width = 120 }: { score: number; width?: number }) {
  const { t } = useTranslation();
  const percent = scorePercent(score);
  return (
    <div className="bb-match-score" style={{ width }} aria-label={t('matching.scoreAria', { value: percent })} data-testid="match-score" data-score={percent}>
      <Progress percent={percent} size="small" strokeColor={scoreColor(percent)} format={(p) => <strong>{p}</strong>} />
    </div>
  );
}

/** The first reasons of a match as tags: fits in green/blue, gaps in a warning colour. */
export function ReasonTags({ criteria, max = 4 }: { criteria: CriterionDto[]; max?: number }) {
  const words = useMatchWords();
  const reasons = topReasons(criteria, max);
  return (
    <div className="bb-match-reasons" data-testid="match-reasons">
      {reasons.map((r, i) => (
        <Tag
          key={`${r.kind}-${r.code}-${r.gap ?? ''}-${i}`}
          color={r.kind === 'gap' ? 'warning' : r.status === 'met' ? 'success' : 'blue'}
          icon={r.kind === 'gap' ? <WarningFilled /> : undefined}
          data-testid={r.kind === 'gap' ? 'reason-gap' : 'reason-fit'}
          data-code={r.gap ?? r.code}
          style={{ whiteSpace: 'normal', marginBottom: 4 }}
        >
          {words.reasonText(r)}
        </Tag>
      ))}
    </div>
  );
}

/** The status of a criterion as an icon with its word. */
export function StatusIcon({ status }: { status: CriterionDto['status'] }) {
  const { t } = useTranslation();
  const icon = {
    met: <CheckCircleFilled style={{ color: '#389e0d' }} />,
    partial: <MinusCircleOutlined style={{ color: '#d48806' }} />,
    missing: <CloseCircleFilled style={{ color: '#cf1322' }} />,
    not_applicable: <MinusCircleOutlined style={{ color: '#bfbfbf' }} />,
  }[status];
  return (
    <Tooltip title={t(`matching.status.${status}`)}>
      <span data-testid={`status-${status}`} style={{ whiteSpace: 'nowrap' }}>
        {icon} <span className="bb-match-status-word">{t(`matching.status.${status}`)}</span>
      </span>
    </Tooltip>
  );
}
