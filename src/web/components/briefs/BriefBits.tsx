import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { recordName } from '../../lib/directory';
import { formatDate } from '../../lib/format';
import type { Brief } from '../../services/briefs';
import { TermTags } from '../directory/Facts';

const STATUS_COLORS: Record<Brief['status'], string> = { draft: 'default', published: 'green', withdrawn: 'orange' };

/** The brief's title in the UI language (the English title first in English, when it has one). */
export function briefTitle(brief: Pick<Brief, 'titleZh' | 'titleEn'>, lang: string): string {
  return recordName(brief.titleZh, brief.titleEn, lang);
}

export function BriefStatusTag({ status }: { status: Brief['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="brief-status">
      {t(`briefs.statuses.${status}`)}
    </Tag>
  );
}

/** Maturity, IP status and the partnerships sought, as tags. */
export function BriefTags({ brief }: { brief: Pick<Brief, 'maturity' | 'ipStatus' | 'partnerships'> }) {
  const { t } = useTranslation();
  return (
    <span className="bb-tags">
      <Tag color="geekblue">{t(`briefs.maturities.${brief.maturity}`)}</Tag>
      <Tag color="purple">{t(`briefs.ipStatuses.${brief.ipStatus}`)}</Tag>
      {brief.partnerships.map((p) => (
        <Tag key={p} color="gold">
          {t(`briefs.partnerships.${p}`)}
        </Tag>
      ))}
    </span>
  );
}

/** A brief in a list: title, organisation, maturity, IP, partnerships, segments, date. */
export function BriefCard({ brief, showStatus }: { brief: Brief; showStatus?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const date = brief.publishedAt ? t('briefs.publishedOn', { date: formatDate(brief.publishedAt, lang) }) : t('briefs.createdOn', { date: formatDate(brief.createdAt, lang) });
  return (
    <Card size="small" style={{ height: '100%' }} data-testid="brief-card">
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
          <Link to={`/briefs/${brief.id}`} style={{ fontWeight: 600, wordBreak: 'break-word' }} data-testid="brief-card-title">
            {briefTitle(brief, lang)}
          </Link>
          {showStatus && <BriefStatusTag status={brief.status} />}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {recordName(brief.organisation.nameZh, brief.organisation.nameEn, lang)}
        </Typography.Text>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
          {brief.problem}
        </Typography.Paragraph>
        <BriefTags brief={brief} />
        <TermTags taxonomy="segment" codes={brief.segments} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {date}
        </Typography.Text>
      </Space>
    </Card>
  );
}
