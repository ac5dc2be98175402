import { ArrowLeftOutlined, CheckCircleOutlined, FileExcelOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Radio, Result, Select, Space, Statistic, Steps, Switch, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ENTITY_TYPES, type EntityType } from '../../../domain/directory';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageSkeleton } from '../../components/States';
import { useCommunity } from '../../lib/community';
import { directoryPath } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { directoryApi, directoryKeys, uploads, type ImportJob, type ImportRow } from '../../services/directory';
import '../../components/directory/directory.css';

const ROWS_PER_PAGE = 50;
const STATUS_COLORS: Record<ImportRow['status'], string> = { new: 'green', duplicate: 'gold', invalid: 'red', empty: 'default' };

/** The wizard's step follows the job: uploaded → map columns, previewed → check rows, committed → report. */
function stepOf(job: ImportJob | undefined, remapping: boolean): number {
  if (!job) return 0;
  if (job.status === 'committed') return 3;
  if (job.status === 'previewed' && !remapping) return 2;
  return 1;
}

export function ImportWizardPage() {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const [remapping, setRemapping] = useState(false);
  const job = useQuery({
    queryKey: [...directoryKeys.imports(community.id), jobId],
    queryFn: () => directoryApi.importJob(community.id, jobId ?? ''),
    enabled: Boolean(jobId),
  });
  const setJob = (id: string | null) => {
    setRemapping(false);
    setParams(id ? { job: id } : {}, { replace: false });
  };

  const step = stepOf(job.data, remapping);
  let body: React.ReactNode;
  if (jobId && job.isPending) body = <PageSkeleton />;
  else if (jobId && job.error) body = <LoadError error={job.error} onRetry={() => void job.refetch()} />;
  else if (!job.data || !jobId) body = <UploadStep onUploaded={(j) => setJob(j.id)} />;
  else if (job.data.status === 'failed') {
    body = (
      <Result
        status="error"
        title={t('transferWizard.failed')}
        extra={
          <Button type="primary" onClick={() => setJob(null)}>
            {t('transferWizard.startOver')}
          </Button>
        }
      />
    );
  } else if (step === 1) body = <MappingStep job={job.data} onPreviewed={() => setRemapping(false)} onRestart={() => setJob(null)} />;
  else if (step === 2) body = <PreviewStep job={job.data} onBack={() => setRemapping(true)} />;
  else body = <ReportStep job={job.data} onAnother={() => setJob(null)} />;

  return (
    <div data-testid="import-wizard">
      <Link to={directoryPath(community.slug)} style={{ display: 'inline-block', marginBottom: 12 }}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ padding: 0 }}>
          {t('dirProfile.backToDirectory')}
        </Button>
      </Link>
      <PageHeader title={t('transferWizard.title')} subtitle={t('transferWizard.subtitle')} />
      <Card variant="borderless">
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('transferWizard.steps.upload') },
            { title: t('transferWizard.steps.map') },
            { title: t('transferWizard.steps.preview') },
            { title: t('transferWizard.steps.report') },
          ]}
          data-testid="import-steps"
        />
        {body}
      </Card>
    </div>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (job: ImportJob) => void }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const session = useSession();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [entityType, setEntityType] = useState<EntityType>('organisation');
  const upload = useMutation({
    mutationFn: (file: File) => uploads.importFile(community.id, entityType, file, session.data?.csrfToken, i18n.language),
    onSuccess: (job) => {
      queryClient.setQueryData([...directoryKeys.imports(community.id), job.id], job);
      void queryClient.invalidateQueries({ queryKey: directoryKeys.imports(community.id), exact: true });
      onUploaded(job);
    },
    onError: (e) => onError(e),
  });
  return (
    <div style={{ maxWidth: 720 }}>
      <Typography.Paragraph>{t('transferWizard.chooseType')}</Typography.Paragraph>
      <Radio.Group
        value={entityType}
        onChange={(e) => setEntityType(e.target.value as EntityType)}
        optionType="button"
        buttonStyle="solid"
        options={ENTITY_TYPES.map((type) => ({ value: type, label: t(`dir.typesPlural.${type}`) }))}
        style={{ marginBottom: 16 }}
        data-testid="import-type"
      />
      <Upload.Dragger
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        customRequest={({ file }) => upload.mutate(file as File)}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">{upload.isPending ? <ReloadOutlined spin /> : <InboxOutlined />}</p>
        <p className="ant-upload-text">{upload.isPending ? t('transferWizard.reading') : t('transferWizard.dropHere')}</p>
        <p className="ant-upload-hint">{t('transferWizard.formats')}</p>
      </Upload.Dragger>
      <RecentImports />
    </div>
  );
}

function RecentImports() {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const list = useQuery({ queryKey: directoryKeys.imports(community.id), queryFn: () => directoryApi.imports(community.id) });
  const items = (list.data ?? []).slice(0, 10);
  if (items.length === 0) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 32 }}>
        {t('transferWizard.recent')}
      </Typography.Title>
      <Table<ImportJob>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('transferWizard.file'),
            key: 'file',
            render: (_, j) => (
              <Link to={`?job=${j.id}`}>
                <FileExcelOutlined style={{ marginInlineEnd: 6 }} />
                {j.filename}
              </Link>
            ),
          },
          { title: t('transferWizard.type'), key: 'type', render: (_, j) => t(`dir.typesPlural.${j.entityType}`) },
          { title: t('transferWizard.status'), key: 'status', render: (_, j) => <Tag>{t(`transferWizard.statuses.${j.status}`)}</Tag> },
          { title: t('transferWizard.createdAt'), key: 'at', render: (_, j) => formatDateTime(j.createdAt, i18n.language, community.timeZone) },
        ]}
      />
    </>
  );
}

/** An importable field's name: per record type where it differs (a person's nameZh is 姓名), else the directory's field label. */
function fieldLabel(t: (k: string, o?: Record<string, unknown>) => string, name: string, type: EntityType): string {
  return t(`transferWizard.fields.${type}.${name}`, { defaultValue: t(`dir.fields.${name}`, { defaultValue: name }) });
}

function MappingStep({ job, onPreviewed, onRestart }: { job: ImportJob; onPreviewed: () => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [mapping, setMapping] = useState<Record<string, string | null>>(() => Object.fromEntries(job.headers.map((h) => [h, job.mapping[h] ?? null])));
  const [strategy, setStrategy] = useState(job.duplicateStrategy);
  const used = new Set(Object.values(mapping).filter(Boolean));
  const missing = job.fields.filter((f) => f.required && !used.has(f.name));
  const taken = (name: string, header: string) => Object.entries(mapping).some(([h, f]) => f === name && h !== header);

  const preview = useMutation({
    mutationFn: () => directoryApi.mapImport(community.id, job.id, mapping, strategy),
    onSuccess: (p) => {
      queryClient.setQueryData([...directoryKeys.imports(community.id), job.id], p.job);
      void queryClient.invalidateQueries({ queryKey: ['import-rows', job.id] });
      onPreviewed();
    },
    onError: (e) => onError(e),
  });

  const rows = job.headers.map((header) => ({ header }));
  return (
    <div data-testid="import-mapping">
      <Typography.Paragraph>
        {t('transferWizard.mappingIntro', { file: job.filename, type: t(`dir.typesPlural.${job.entityType}`), count: job.headers.length })}
      </Typography.Paragraph>
      <Table
        rowKey="header"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('transferWizard.column'), dataIndex: 'header', key: 'header', render: (h: string) => <Typography.Text strong>{h}</Typography.Text> },
          {
            title: t('transferWizard.field'),
            key: 'field',
            width: 320,
            render: (_, { header }) => (
              <Select
                style={{ width: 300 }}
                value={mapping[header] ?? '__ignore'}
                onChange={(v: string) => setMapping({ ...mapping, [header]: v === '__ignore' ? null : v })}
                showSearch={{ optionFilterProp: 'label' }}
                options={[
                  { value: '__ignore', label: t('transferWizard.ignore') },
                  ...job.fields.map((f) => ({
                    value: f.name,
                    label: `${fieldLabel(t, f.name, job.entityType)}${f.required ? ' *' : ''}`,
                    disabled: taken(f.name, header),
                  })),
                ]}
                data-testid={`map-${header}`}
              />
            ),
          },
          {
            title: t('transferWizard.suggested'),
            key: 'suggested',
            responsive: ['md'],
            render: (_, { header }) =>
              job.mapping[header] ? (
                mapping[header] === job.mapping[header] ? (
                  <Tag color="green" icon={<CheckCircleOutlined />}>
                    {t('transferWizard.recognised')}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">{fieldLabel(t, job.mapping[header] ?? '', job.entityType)}</Typography.Text>
                )
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('transferWizard.missingRequired', { fields: missing.map((f) => fieldLabel(t, f.name, job.entityType)).join(t('transferWizard.listSeparator')) })}
        />
      )}
      <div style={{ marginTop: 16 }}>
        <Typography.Text strong style={{ marginInlineEnd: 12 }}>
          {t('transferWizard.duplicates')}
        </Typography.Text>
        <Radio.Group value={strategy} onChange={(e) => setStrategy(e.target.value as 'update' | 'skip')} data-testid="duplicate-strategy">
          <Radio value="update">{t('transferWizard.strategy.update')}</Radio>
          <Radio value="skip">{t('transferWizard.strategy.skip')}</Radio>
        </Radio.Group>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('transferWizard.duplicatesHelp')}
          </Typography.Text>
        </div>
      </div>
      <Space style={{ marginTop: 24 }}>
        <Button onClick={onRestart}>{t('transferWizard.otherFile')}</Button>
        <Button type="primary" disabled={missing.length > 0} loading={preview.isPending} onClick={() => preview.mutate()} data-testid="run-preview">
          {t('transferWizard.runPreview')}
        </Button>
      </Space>
    </div>
  );
}

function PreviewStep({ job, onBack }: { job: ImportJob; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [page, setPage] = useState(1);
  const rows = useQuery({
    queryKey: ['import-rows', job.id, onlyProblems, page],
    queryFn: () => directoryApi.importRows(community.id, job.id, (page - 1) * ROWS_PER_PAGE, ROWS_PER_PAGE, onlyProblems),
    placeholderData: keepPreviousData,
  });
  const summary = job.summary;
  const invalid = summary?.invalid ?? 0;
  const shownFields = useMemo(() => Object.values(job.mapping).filter((f): f is string => Boolean(f)), [job.mapping]);

  const commit = useMutation({
    mutationFn: () => directoryApi.commitImport(community.id, job.id),
    onSuccess: (done) => {
      queryClient.setQueryData([...directoryKeys.imports(community.id), job.id], done);
      void queryClient.invalidateQueries({ queryKey: ['search'] });
      void queryClient.invalidateQueries({ queryKey: directoryKeys.imports(community.id), exact: true });
    },
    onError: (e) => onError(e),
  });

  const columns: TableColumnsType<ImportRow> = [
    { title: t('transferWizard.row'), dataIndex: 'row', key: 'row', width: 70 },
    {
      title: t('transferWizard.status'),
      key: 'status',
      width: 110,
      render: (_, r) => (
        <Tag color={STATUS_COLORS[r.status]} data-testid={`row-status-${r.row}`}>
          {t(`transferWizard.rowStatus.${r.status}`)}
        </Tag>
      ),
    },
    {
      title: t('transferWizard.record'),
      key: 'values',
      render: (_, r) => {
        const [lead, ...rest] = shownFields.filter((f) => r.values[f]);
        return (
          <div style={{ minWidth: 220 }}>
            {lead && <div style={{ fontWeight: 500 }}>{r.values[lead]}</div>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {rest
                .slice(0, 3)
                .map((f) => `${fieldLabel(t, f, job.entityType)}: ${r.values[f]}`)
                .join(' · ')}
            </Typography.Text>
            {r.match && (
              <div style={{ fontSize: 12 }}>
                {t('transferWizard.matches', { name: r.match.nameZh, by: t(`transferWizard.matchBy.${r.match.by}`) })}
              </div>
            )}
          </div>
        );
      },
    },
    {
      title: t('transferWizard.problems'),
      key: 'problems',
      onCell: () => ({ style: { minWidth: 280, whiteSpace: 'normal' } }),
      render: (_, r) =>
        r.problems.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <div data-testid={`row-problems-${r.row}`}>
            {r.problems.map((p, i) => (
              <div key={i} className="bb-problem">
                <Typography.Text type="danger">
                  {p.column ? <strong>{p.column}: </strong> : null}
                  {p.message || t(`transferWizard.problemCodes.${p.code}`, { defaultValue: p.code })}
                </Typography.Text>
                {p.value && !p.message.includes(p.value) && <Typography.Text type="secondary"> ({p.value})</Typography.Text>}
              </div>
            ))}
          </div>
        ),
    },
  ];

  const nf = new Intl.NumberFormat(i18n.language);
  return (
    <div data-testid="import-preview">
      {summary && (
        <div className="bb-stat-row" data-testid="import-summary">
          <Statistic title={t('transferWizard.summary.rows')} value={nf.format(summary.rows)} />
          <Statistic title={t('transferWizard.summary.new')} value={nf.format(summary.new)} styles={{ content: { color: '#389e0d' } }} />
          <Statistic title={t('transferWizard.summary.duplicate')} value={nf.format(summary.duplicate)} styles={{ content: { color: '#d48806' } }} />
          <Statistic title={t('transferWizard.summary.invalid')} value={nf.format(summary.invalid)} styles={{ content: { color: invalid ? '#cf1322' : undefined } }} />
          <Statistic title={t('transferWizard.summary.empty')} value={nf.format(summary.empty)} />
        </div>
      )}
      {invalid > 0 ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('transferWizard.fixFirst', { count: invalid })} data-testid="import-blocked" />
      ) : (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('transferWizard.ready', {
            created: summary?.new ?? 0,
            duplicates: summary?.duplicate ?? 0,
            strategy: t(`transferWizard.strategy.${job.duplicateStrategy}`),
          })}
        />
      )}
      <Space style={{ marginBottom: 12 }}>
        <Switch
          checked={onlyProblems}
          onChange={(v) => {
            setOnlyProblems(v);
            setPage(1);
          }}
          data-testid="only-problems"
        />
        <Typography.Text>{t('transferWizard.onlyProblems')}</Typography.Text>
      </Space>
      {rows.error && !rows.data ? (
        <LoadError error={rows.error} onRetry={() => void rows.refetch()} />
      ) : (
        <Table<ImportRow>
          rowKey="row"
          size="small"
          columns={columns}
          dataSource={rows.data?.rows ?? []}
          loading={rows.isFetching}
          scroll={{ x: 860 }}
          pagination={{
            current: page,
            pageSize: ROWS_PER_PAGE,
            total: rows.data?.totalRows ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            hideOnSinglePage: true,
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={onlyProblems ? t('transferWizard.noProblems') : t('transferWizard.noRows')} /> }}
          data-testid="import-rows"
        />
      )}
      <Space style={{ marginTop: 16 }} wrap>
        <Button onClick={onBack}>{t('transferWizard.backToMapping')}</Button>
        <Tooltip title={invalid > 0 ? t('transferWizard.commitDisabled') : undefined}>
          <Button type="primary" disabled={invalid > 0 || !summary} loading={commit.isPending} onClick={() => commit.mutate()} data-testid="commit-import">
            {t('transferWizard.commit', { count: (summary?.new ?? 0) + (job.duplicateStrategy === 'update' ? (summary?.duplicate ?? 0) : 0) })}
          </Button>
        </Tooltip>
      </Space>
    </div>
  );
}

function ReportStep({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const report = job.report ?? { created: 0, updated: 0, skipped: 0 };
  const nf = new Intl.NumberFormat(i18n.language);
  return (
    <Result
      status="success"
      title={t('transferWizard.done', { file: job.filename })}
      subTitle={job.committedAt ? t('transferWizard.doneAt', { at: formatDateTime(job.committedAt, i18n.language, community.timeZone) }) : undefined}
      data-testid="import-report"
      extra={
        <Space wrap style={{ justifyContent: 'center' }}>
          <Link to={directoryPath(community.slug, `type=${job.entityType}`)}>
            <Button type="primary" data-testid="report-open-directory">
              {t('transferWizard.viewInDirectory', { type: t(`dir.typesPlural.${job.entityType}`) })}
            </Button>
          </Link>
          <Button onClick={onAnother}>{t('transferWizard.another')}</Button>
        </Space>
      }
    >
      <div className="bb-stat-row" style={{ justifyContent: 'center' }}>
        <Statistic title={t('transferWizard.report.created')} value={nf.format(report.created)} data-testid="report-created" />
        <Statistic title={t('transferWizard.report.updated')} value={nf.format(report.updated)} data-testid="report-updated" />
        <Statistic title={t('transferWizard.report.skipped')} value={nf.format(report.skipped)} data-testid="report-skipped" />
      </div>
    </Result>
  );
}
