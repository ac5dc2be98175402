/** Small pieces shared by the judging console, the results tab and the judge's pages. */
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CellState, Conflict, Recusal } from '../../services/judging';

export function RoundStatusTag({ status }: { status: 'open' | 'closed' | 'published' }) {
  const { t } = useTranslation();
  const color = status === 'open' ? 'processing' : status === 'closed' ? 'warning' : 'success';
  return (
    <Tag color={color} data-testid="judging-round-status">
      {t(`judging.roundStatus.${status}`)}
    </Tag>
  );
}

export function CellTag({ state }: { state: CellState }) {
  const { t } = useTranslation();
  const color = state === 'submitted' ? 'success' : state === 'draft' ? 'gold' : state === 'recused' ? 'default' : undefined;
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {t(`judging.cell.${state}`)}
    </Tag>
  );
}

/** One conflict in words: "任职关联: 某公司（科学顾问）— 申报单位". */
export function conflictText(t: (key: string, options?: Record<string, unknown>) => string, c: Conflict): string {
  if (c.kind === 'investor') return t('judging.conflict.investor', { investor: c.organisationName, target: c.targetName ?? '', side: t(`judging.side.${c.side}`) });
  if (c.kind === 'representative') return t('judging.conflict.representative', { organisation: c.organisationName, side: t(`judging.side.${c.side}`) });
  return t('judging.conflict.affiliation', { organisation: c.organisationName, role: c.role ?? '', side: t(`judging.side.${c.side}`) });
}

/** Why a judge is recused: the links found, or the reason given. */
export function RecusalReason({ recusal }: { recusal: Pick<Recusal, 'source' | 'reason' | 'conflicts'> }) {
  const { t } = useTranslation();
  return (
    <span>
      <Tag>{t(`judging.sources.${recusal.source}`)}</Tag>
      <Typography.Text type="secondary">{recusal.source === 'affiliation' ? recusal.conflicts.map((c) => conflictText(t, c)).join('；') : recusal.reason}</Typography.Text>
    </span>
  );
}

/** A score as people read it: up to three decimals, no trailing zeros. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(Math.round(value * 1000) / 1000);
}
