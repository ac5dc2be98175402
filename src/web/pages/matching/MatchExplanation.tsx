import { ArrowLeftOutlined, InfoCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { MATCH_ENTITY_TYPES, MATCH_TARGETS, type MatchEntityType, type MatchTarget } from '../../../domain/matching/vocabularies';
import { PageHeader } from '../../components/PageHeader';
import { ForbiddenResult, LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { ContactModal } from '../../components/matching/ContactModal';
import { FeedbackButtons, useFeedback } from '../../components/matching/FeedbackButtons';
import { StatusIcon, scoreColor } from '../../components/matching/MatchBits';
import { RecordMeta, RecordTitle } from '../../components/matching/MatchCard';
import { useMatchWords } from '../../components/matching/useMatchWords';
import '../../components/matching/matching.css';
import { contributionPoints, contributionTotal, matchesPath, scorePercent } from '../../lib/matching';
import { useTaxonomy } from '../../lib/taxonomy';
import { ApiError } from '../../services/api';
import { matchingApi, matchingKeys, type CriterionDto, type MatchExplanation, type MatchPair, type MatchRecord } from '../../services/matching';

const isType = (v: string | undefined): v is MatchEntityType => (MATCH_ENTITY_TYPES as readonly string[]).includes(v ?? '');
const isTarget = (v: string | null): v is MatchTarget => (MATCH_TARGETS as readonly string[]).includes(v ?? '');

/** Colours of the criteria in the stacked score bar (by position). */
const PALETTE = ['#1677ff', '#13a8a8', '#722ed1', '#d48806', '#389e0d', '#c41d7f', '#2f54eb', '#fa8c16', '#08979c', '#7cb305', '#531dab', '#d4380d', '#595959'];

/** `/matches/:subjectType/:subjectId/:candidateType/:candidateId?target=`: why one record was matched to another. */
export function MatchExplanationPage() {
  const { subjectType, subjectId = '', candidateType, candidateId = '' } = useParams();
  const [params] = useSearchParams();
  const targetParam = params.get('target');
  if (!isType(subjectType) || !isType(candidateType)) return <NotFoundResult />;
  const pair: MatchPair = { subjectType, subjectId, candidateType, candidateId };
  return <Explanation pair={pair} target={isTarget(targetParam) ? targetParam : undefined} />;
}

function Explanation({ pair, target }: { pair: MatchPair; target: MatchTarget | undefined }) {
  const query = useQuery({
    queryKey: matchingKeys.explanation(pair, target),
    queryFn: () => matchingApi.explanation(pair, target),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) {
    const e = query.error;
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return <NotFoundResult />;
    if (e instanceof ApiError && e.status === 403) return <ForbiddenResult />;
    return <LoadError error={e} onRetry={() => void query.refetch()} />;
  }
  return <ExplanationView pair={pair} data={query.data} />;
}

function SideCard({ label, record }: { label: string; record: MatchRecord }) {
  const tax = useTaxonomy();
  return (
    <Card size="small" variant="borderless" className="bb-match-side" title={<Typography.Text type="secondary">{label}</Typography.Text>}>
      <div style={{ fontSize: 16 }}>
        <RecordTitle record={record} />
      </div>
      <RecordMeta record={record} />
      {record.segments.length > 0 && (
        <div style={{ marginTop: 8 }}>
          {record.segments.map((s) => (
            <Tag key={s} color="geekblue">
              {tax.name('segment', s)}
            </Tag>
          ))}
        </div>
      )}
    </Card>
  );
}

function ContributionBar({ criterion, max }: { criterion: CriterionDto; max: number }) {
  const { t } = useTranslation();
  const points = contributionPoints(criterion.contribution);
  const width = max > 0 ? Math.max(0, Math.min(100, (criterion.contribution / max) * 100)) : 0;
  return (
    <div className="bb-contrib" data-testid="criterion-contribution" data-value={points}>
      <div className="bb-contrib-track">
        <div className="bb-contrib-fill" style={{ width: `${width}%` }} />
      </div>
      <span style={{ minWidth: 48, textAlign: 'right' }}>{t('matching.units.points', { value: points })}</span>
    </div>
  );
}

function ExplanationView({ pair, data }: { pair: MatchPair; data: MatchExplanation }) {
  const { t } = useTranslation();
  const words = useMatchWords();
  const feedback = useFeedback(pair, data.feedback);
  const [contactOpen, setContactOpen] = useState(false);
  const percent = scorePercent(data.score);
  const criteria = data.criteria;
  const maxWeight = Math.max(0, ...criteria.map((c) => c.weight));
  const contributing = criteria.filter((c) => c.contribution > 0);
  const parts = contributing.map((c) => `${words.criterionName(c.code)} ${contributionPoints(c.contribution)}`).join(' + ') || '0';
  const total = contributionPoints(contributionTotal(criteria));
  const anyNotApplicable = criteria.some((c) => c.status === 'not_applicable');

  const columns: TableColumnsType<CriterionDto> = [
    {
      title: t('matching.explanation.criterion'),
      key: 'criterion',
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (_, c) => <strong>{words.criterionName(c.code)}</strong>,
    },
    { title: t('matching.explanation.status'), key: 'status', render: (_, c) => <StatusIcon status={c.status} /> },
    {
      title: t('matching.explanation.weight'),
      key: 'weight',
      align: 'right',
      render: (_, c) => (c.status === 'not_applicable' ? '—' : `${Math.round(c.weight * 100)}%`),
    },
    {
      title: t('matching.explanation.contribution'),
      key: 'contribution',
      render: (_, c) => <ContributionBar criterion={c} max={maxWeight} />,
    },
    {
      title: t('matching.explanation.matched'),
      key: 'matched',
      render: (_, c) => {
        const names = words.matchedList(c);
        const numbers = words.valuesText(c);
        if (names.length === 0 && !numbers) return <Typography.Text type="secondary">{t('matching.explanation.nothingMatched')}</Typography.Text>;
        return (
          <div data-testid="criterion-matched">
            {names.map((n, i) => (
              <Tag key={`${n}-${i}`} color={c.status === 'met' ? 'success' : 'blue'} style={{ marginBottom: 4, whiteSpace: 'normal' }}>
                {n}
              </Tag>
            ))}
            {numbers && (
              <div>
                <Typography.Text type="secondary">{numbers}</Typography.Text>
              </div>
            )}
          </div>
        );
      },
    },
    {
      title: t('matching.explanation.missing'),
      key: 'missing',
      render: (_, c) => {
        if (c.gaps.length === 0 && c.status !== 'missing') return <Typography.Text type="secondary">{t('matching.explanation.nothingMatched')}</Typography.Text>;
        const texts = c.gaps.length > 0 ? c.gaps.map((g) => words.gapText(c.code, g, c.values ?? {}, 'detail')) : [words.gapText(c.code, undefined, c.values ?? {}, 'detail')];
        return (
          <div data-testid="criterion-gaps">
            {texts.map((text, i) => (
              <div key={i} style={{ color: '#ad6800' }}>
                {text}
              </div>
            ))}
          </div>
        );
      },
    },
  ];

  return (
    <div data-testid="match-explanation">
      <PageHeader
        title={t('matching.explanation.title')}
        extra={
          <Link to={matchesPath(data.subject.type, data.subject.id, data.target)}>
            <Button icon={<ArrowLeftOutlined />}>{t('matching.matches.back')}</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <SideCard label={t('matching.explanation.subject')} record={data.subject} />
        </Col>
        <Col xs={24} md={12}>
          <SideCard label={`${t('matching.explanation.candidate')} · ${t(`matching.targets.${data.target}`)}`} record={data.candidate} />
        </Col>
      </Row>

      <Card variant="borderless" style={{ marginTop: 16 }}>
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} md={6} style={{ textAlign: 'center' }}>
            <Typography.Text type="secondary">{t('matching.score')}</Typography.Text>
            <div style={{ fontSize: 44, fontWeight: 700, lineHeight: 1.1, color: scoreColor(percent) }} data-testid="explanation-score" data-score={percent}>
              {percent}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {data.rank !== null ? t('matching.explanation.rank', { rank: data.rank, considered: data.considered }) : t('matching.explanation.notRanked')}
            </Typography.Text>
          </Col>
          <Col xs={24} md={18}>
            <div className="bb-score-stack" aria-hidden>
              {contributing.map((c, i) => (
                <Tooltip key={c.code} title={`${words.criterionName(c.code)} ${t('matching.units.points', { value: contributionPoints(c.contribution) })}`}>
                  <span style={{ width: `${c.contribution * 100}%`, background: PALETTE[i % PALETTE.length] }} />
                </Tooltip>
              ))}
            </div>
            <div style={{ marginTop: 8 }} data-testid="explanation-sum">
              <Typography.Text>{t('matching.explanation.sumNote', { parts, score: total })}</Typography.Text>
            </div>
            <Space wrap style={{ marginTop: 12 }}>
              <FeedbackButtons verdict={feedback.verdict} onToggle={feedback.toggle} onContact={() => setContactOpen(true)} size="middle" pending={feedback.pending} />
              <Button type="primary" icon={<TeamOutlined />} onClick={() => setContactOpen(true)} data-testid="match-contact">
                {t('matching.explanation.contact')}
              </Button>
            </Space>
            {(data.pipelineItemId || data.partneringRequestId) && (
              <div style={{ marginTop: 8 }}>
                {data.pipelineItemId && <Tag color="green">{t('matching.explanation.contactedPipeline')}</Tag>}
                {data.partneringRequestId && <Tag color="green">{t('matching.explanation.contactedPartnering')}</Tag>}
              </div>
            )}
          </Col>
        </Row>
      </Card>

      <Card variant="borderless" style={{ marginTop: 16 }}>
        <Table
          rowKey="code"
          size="middle"
          pagination={false}
          columns={columns}
          dataSource={criteria}
          scroll={{ x: 820 }}
          data-testid="criteria-table"
          onRow={(c) => ({ 'data-testid': `criterion-${c.code}`, 'data-status': c.status }) as React.HTMLAttributes<HTMLElement>}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <strong>{t('matching.explanation.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} colSpan={3}>
                <strong data-testid="criteria-total">{t('matching.units.points', { value: total })}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
        {anyNotApplicable && (
          <Alert style={{ marginTop: 12 }} type="info" showIcon icon={<InfoCircleOutlined />} title={t('matching.explanation.notApplicableNote')} />
        )}
      </Card>

      <ContactModal pair={pair} open={contactOpen} onClose={() => setContactOpen(false)} onMarkOnly={() => feedback.set('contacted')} />
    </div>
  );
}
