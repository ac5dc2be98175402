/**
 * Score entry for one application, made for a phone: the application (summary, team, answers,
 * deck), then one block per criterion with its description and weight, a slider and a number in
 * half steps, the running weighted total, a comment, "save draft" and "submit", next and
 * previous; and declaring a conflict of interest with a reason.
 */
import { ArrowLeftOutlined, ArrowRightOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Result, Row, Slider, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { partialTotal, sheetTotal } from '../../../domain/events/scoring';
import { formatScore, RoundStatusTag } from '../../components/events/JudgingCommon';
import { LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/errors';
import { ApiError } from '../../services/api';
import { judgingApi, judgingKeys, type Criterion, type JudgeApplication, type JudgeRound } from '../../services/judging';

const noRetryOn4xx = (n: number, e: unknown) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2;

function Answer({ value }: { value: string | string[] | boolean }) {
  const { t } = useTranslation();
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (Array.isArray(value)) return <>{value.join('、')}</>;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>;
}

function ApplicationCard({ application }: { application: JudgeApplication }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="judging-application">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {application.projectName}
      </Typography.Title>
      <Typography.Text type="secondary">{application.organisationName}</Typography.Text>
      {application.summary && <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>{application.summary}</Typography.Paragraph>}
      {application.team.length > 0 && (
        <Typography.Paragraph>
          <Typography.Text strong>{t('judging.sheet.team')}: </Typography.Text>
          {application.team.map((m) => `${m.name}${m.role ? `（${m.role}）` : ''}`).join('、')}
        </Typography.Paragraph>
      )}
      {application.answers.length > 0 && (
        <Descriptions size="small" column={1} bordered items={application.answers.map((a) => ({ key: a.id, label: a.label, children: <Answer value={a.value} /> }))} style={{ marginBottom: 12 }} />
      )}
      {application.deck ? (
        <Button icon={<FilePdfOutlined />} href={application.deck.url} target="_blank" rel="noopener" block size="large" data-testid="judging-deck">
          {t('judging.sheet.deck', { name: application.deck.filename })}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('judging.sheet.noDeck')}</Typography.Text>
      )}
    </Card>
  );
}

function CriterionBlock({ criterion, value, min, max, disabled, onChange }: { criterion: Criterion; value: number | undefined; min: number; max: number; disabled: boolean; onChange: (v: number | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="judging-criterion-block">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Text strong style={{ fontSize: 16 }}>
          {criterion.name}
        </Typography.Text>
        <Tag>{t('judging.sheet.weight', { share: criterion.sharePercent })}</Tag>
      </Space>
      {criterion.description && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{criterion.description}</Typography.Paragraph>}
      <Row gutter={12} align="middle" style={{ marginTop: 8 }}>
        <Col flex="auto">
          <Slider min={min} max={max} step={0.5} value={value ?? min} disabled={disabled} onChange={(v) => onChange(v)} styles={{ handle: { width: 20, height: 20 } }} />
        </Col>
        <Col flex="96px">
          <InputNumber
            min={min}
            max={max}
            step={0.5}
            value={value}
            disabled={disabled}
            size="large"
            inputMode="decimal"
            style={{ width: 96 }}
            onChange={(v) => onChange(v === null ? undefined : Math.round(Number(v) * 2) / 2)}
            data-testid="judging-score-input"
          />
        </Col>
      </Row>
    </Card>
  );
}

function SheetForm({ round, application }: { round: JudgeRound; application: JudgeApplication }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [scores, setScores] = useState<Record<string, number>>(application.sheet?.scores ?? {});
  const [comment, setComment] = useState(application.sheet?.comment ?? '');
  const [version, setVersion] = useState<number | undefined>(application.sheet?.version);
  const [submittedAt, setSubmittedAt] = useState<string | null>(application.sheet?.submittedAt ?? null);
  const [declaring, setDeclaring] = useState(false);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const locked = round.round.status !== 'open';
  // Scores of criteria that are no longer in the round are not sent back.
  const current = useMemo(() => Object.fromEntries(round.criteria.filter((c) => scores[c.id] !== undefined).map((c) => [c.id, scores[c.id]!])), [round.criteria, scores]);
  const running = partialTotal(round.criteria, current);
  const complete = sheetTotal(round.criteria, current) !== null;

  const save = useMutation({
    mutationFn: (submit: boolean) => judgingApi.saveSheet(round.round.id, application.applicationId, { scores: current, comment, submit, version }),
    onSuccess: (sheet, submit) => {
      setVersion(sheet.version);
      setSubmittedAt(sheet.submittedAt);
      void queryClient.invalidateQueries({ queryKey: judgingKeys.mine });
      void message.success(t(submit ? 'judging.sheet.submitted' : 'judging.sheet.saved'));
      if (submit && application.nextId) navigate(`/judging/${round.round.id}/${application.nextId}`);
    },
    onError: (e) => onError(e),
  });
  const declare = useMutation({
    mutationFn: (reason: string) => judgingApi.declareRecusal(round.round.id, application.applicationId, reason),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: judgingKeys.mine });
      setDeclaring(false);
      navigate(`/judging/${round.round.id}`);
    },
    onError: (e) => onError(e, reasonForm, ['reason']),
  });

  return (
    <>
      {locked && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('judging.judge.closed')} />}
      {submittedAt && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('judging.sheet.submittedAt', { at: formatDateTime(submittedAt, i18n.language, round.event.timeZone) })} />}
      {round.criteria.length === 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('judging.sheet.noCriteria')} />}
      {round.criteria.map((c) => (
        <CriterionBlock
          key={c.id}
          criterion={c}
          value={scores[c.id]}
          min={round.round.scoreMin}
          max={round.round.scoreMax}
          disabled={locked}
          onChange={(v) =>
            setScores((s) => {
              const next = { ...s };
              if (v === undefined) delete next[c.id];
              else next[c.id] = v;
              return next;
            })
          }
        />
      ))}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text>{t(complete ? 'judging.sheet.total' : 'judging.sheet.runningTotal')}</Typography.Text>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="judging-running-total">
            {formatScore(running)}
          </Typography.Title>
        </Space>
      </Card>
      <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={4000} autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('judging.sheet.comment')} disabled={locked} style={{ marginBottom: 12 }} data-testid="judging-comment" />
      <Row gutter={8} style={{ marginBottom: 12 }}>
        <Col span={12}>
          <Button block size="large" disabled={locked} loading={save.isPending && !save.variables} onClick={() => save.mutate(false)} data-testid="judging-save-draft">
            {t('judging.sheet.saveDraft')}
          </Button>
        </Col>
        <Col span={12}>
          <Button block size="large" type="primary" disabled={locked || !complete} loading={save.isPending && save.variables} onClick={() => save.mutate(true)} data-testid="judging-submit">
            {t(submittedAt ? 'judging.sheet.resubmit' : 'judging.sheet.submit')}
          </Button>
        </Col>
      </Row>
      <Row gutter={8} style={{ marginBottom: 12 }}>
        <Col span={12}>
          <Button block size="large" icon={<ArrowLeftOutlined />} disabled={!application.previousId} onClick={() => navigate(`/judging/${round.round.id}/${application.previousId}`)} data-testid="judging-previous">
            {t('judging.sheet.previous')}
          </Button>
        </Col>
        <Col span={12}>
          <Button block size="large" disabled={!application.nextId} onClick={() => navigate(`/judging/${round.round.id}/${application.nextId}`)} data-testid="judging-next">
            {t('judging.sheet.next')} <ArrowRightOutlined />
          </Button>
        </Col>
      </Row>
      {!locked && (
        <Button type="link" danger onClick={() => setDeclaring(true)} data-testid="judging-declare">
          {t('judging.sheet.declare')}
        </Button>
      )}
      <Modal open={declaring} title={t('judging.sheet.declareTitle')} onCancel={() => setDeclaring(false)} onOk={() => reasonForm.submit()} okText={t('judging.sheet.declareConfirm')} okButtonProps={{ danger: true }} confirmLoading={declare.isPending}>
        <Typography.Paragraph type="secondary">{t('judging.sheet.declareHelp')}</Typography.Paragraph>
        <Form form={reasonForm} layout="vertical" onFinish={(v) => declare.mutate(v.reason)}>
          <Form.Item name="reason" label={t('judging.entries.reason')} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="judging-declare-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function ScoreSheetPage() {
  const { t } = useTranslation();
  const { roundId = '', applicationId = '' } = useParams();
  const round = useQuery({ queryKey: judgingKeys.judgeRound(roundId), queryFn: () => judgingApi.judgeRound(roundId), retry: noRetryOn4xx });
  const application = useQuery({ queryKey: judgingKeys.judgeApplication(roundId, applicationId), queryFn: () => judgingApi.judgeApplication(roundId, applicationId), retry: noRetryOn4xx });
  useEffect(() => window.scrollTo(0, 0), [applicationId]);
  const back = (
    <Link to={`/judging/${roundId}`} data-testid="judging-back">
      <ArrowLeftOutlined /> {t('judging.sheet.back')}
    </Link>
  );
  if (round.isPending || application.isPending) return <PageSkeleton />;
  const error = round.error ?? application.error;
  if (error instanceof ApiError && error.status === 404) return <NotFoundResult />;
  if (error instanceof ApiError && error.code === 'judge_recused')
    return <Result status="warning" title={t('judging.sheet.recusedTitle')} subTitle={t('errors.judge_recused')} extra={back} data-testid="judging-recused" />;
  if (round.isError) return <LoadError error={round.error} onRetry={() => void round.refetch()} />;
  if (application.isError) return <LoadError error={application.error} onRetry={() => void application.refetch()} />;
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }} data-testid="judging-score-sheet">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        {back}
        <Space>
          <Tag>{round.data.round.name}</Tag>
          <RoundStatusTag status={round.data.round.status} />
        </Space>
      </Space>
      <ApplicationCard application={application.data} />
      <SheetForm key={applicationId} round={round.data} application={application.data} />
    </div>
  );
}
