/**
 * One agreement: its facts, parties with roles, status changes, PDFs (upload, download, remove),
 * and what it is linked to (project, 招商 item, signing event). Editing opens the form drawer;
 * deleting is for the community's admins.
 */
import { ArrowLeftOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Select, Space, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AGREEMENT_STATUSES } from '../../../domain/lifecycle/vocabularies';
import { AgreementForm } from '../../components/agreements/AgreementForm';
import { formatIsoDate, KindTag, StatusTag } from '../../components/agreements/common';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { ApiError } from '../../services/api';
import { useCommunity } from '../../lib/community';
import { recordName, recordPath } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { useSession } from '../../lib/session';
import { useTaxonomy } from '../../lib/taxonomy';
import { agreementKeys, agreementsApi, type AgreementDetail, type AgreementFile, type AgreementParty, type AgreementStatus } from '../../services/agreements';
import { pipelineKeys, pipelinesApi } from '../../services/pipelines';

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function FilesCard({ agreement, canEdit }: { agreement: AgreementDetail; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const session = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: agreementKeys.all(community.id) });
  const add = useMutation({
    mutationFn: (file: File) => agreementsApi.uploadFile(community.id, agreement.id, file, session.data?.csrfToken, i18n.language),
    onSuccess: () => {
      void message.success(t('agreements.detail.uploaded'));
      refresh();
    },
    onError: (e) => onError(e),
  });
  const remove = useMutation({
    mutationFn: (f: AgreementFile) => agreementsApi.removeFile(community.id, agreement.id, f.id),
    onSuccess: () => {
      void message.success(t('agreements.detail.removed'));
      refresh();
    },
    onError: (e) => onError(e),
  });
  const columns: TableColumnsType<AgreementFile> = [
    {
      title: t('agreements.detail.files'),
      key: 'file',
      render: (_, f) => (
        <a href={agreementsApi.fileUrl(community.id, agreement.id, f.id)} data-testid="agreement-file-link">
          <FilePdfOutlined style={{ color: '#cf1322', marginInlineEnd: 6 }} />
          {f.filename}
        </a>
      ),
    },
    { title: '', dataIndex: 'sizeBytes', key: 'size', width: 90, responsive: ['md'], render: (b: number) => sizeText(b) },
    { title: '', dataIndex: 'createdAt', key: 'at', width: 150, responsive: ['md'], render: (v: string) => formatDateTime(v, i18n.language, community.timeZone) },
    {
      title: '',
      key: 'actions',
      width: canEdit ? 90 : 50,
      render: (_, f) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<DownloadOutlined />} href={agreementsApi.fileUrl(community.id, agreement.id, f.id)} aria-label={t('agreements.detail.download')} />
          {canEdit && (
            <Popconfirm
              title={t('agreements.detail.removeFileConfirm', { name: f.filename })}
              okText={t('agreements.detail.removeFile')}
              okButtonProps={{ danger: true }}
              cancelText={t('agreements.form.cancel')}
              onConfirm={() => remove.mutateAsync(f).catch(() => undefined)}
            >
              <Button type="link" danger size="small" icon={<DeleteOutlined />} aria-label={t('agreements.detail.removeFile')} data-testid="agreement-file-remove" />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Card
      variant="borderless"
      title={t('agreements.detail.files')}
      style={{ marginBottom: 16 }}
      data-testid="agreement-files"
      extra={
        canEdit && (
          <Upload
            accept="application/pdf,.pdf"
            showUploadList={false}
            beforeUpload={(file) => {
              add.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={add.isPending} data-testid="agreement-upload">
              {t('agreements.detail.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {agreement.files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreements.detail.noFiles')} />
      ) : (
        <Table<AgreementFile> rowKey="id" size="small" columns={columns} dataSource={agreement.files} pagination={false} showHeader={false} />
      )}
      {canEdit && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('agreements.detail.uploadHelp')}
        </Typography.Text>
      )}
    </Card>
  );
}

function LinksCard({ agreement }: { agreement: AgreementDetail }) {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const itemId = agreement.pipelineItemId;
  const item = useQuery({
    queryKey: pipelineKeys.item(community.id, itemId ?? ''),
    queryFn: () => pipelinesApi.item(community.id, itemId!),
    enabled: Boolean(itemId) && can('pipeline.read'),
    retry: false,
  });
  return (
    <Card variant="borderless" title={t('agreements.detail.links')} data-testid="agreement-links">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('agreements.detail.project')}>
          {agreement.project ? (
            <Link to={recordPath(community.slug, 'project', agreement.project.id)} data-testid="agreement-project-link">
              {recordName(agreement.project.nameZh, agreement.project.nameEn, i18n.language)}
            </Link>
          ) : (
            <Typography.Text type="secondary">{t('agreements.detail.hiddenProject')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('agreements.detail.pipelineItem')}>
          {itemId ? (
            item.data ? (
              <Link to={`/c/${community.slug}/pipelines/${item.data.pipelineId}?item=${itemId}`} data-testid="agreement-item-link">
                {item.data.title}
              </Link>
            ) : (
              <Typography.Text code>{itemId}</Typography.Text>
            )
          ) : (
            <Typography.Text type="secondary">{t('agreements.detail.none')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('agreements.detail.event')}>
          {agreement.event ? (
            <Link to={`/c/${community.slug}/events/${agreement.event.id}`} data-testid="agreement-event-link">
              {agreement.event.title}
            </Link>
          ) : agreement.eventId ? (
            <Typography.Text code data-testid="agreement-event-id-value">{agreement.eventId}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('agreements.detail.none')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function PartiesTable({ parties }: { parties: AgreementParty[] }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const columns: TableColumnsType<AgreementParty> = [
    { title: t('agreements.form.role'), dataIndex: 'role', key: 'role', width: 120, render: (r: string) => t(`agreements.roles.${r}`) },
    {
      title: t('agreements.form.organisation'),
      key: 'org',
      render: (_, p) => (
        <Link to={recordPath(community.slug, 'organisation', p.organisation.id)} data-testid="agreement-party">
          {recordName(p.organisation.nameZh, p.organisation.nameEn, i18n.language)}
        </Link>
      ),
    },
  ];
  return <Table<AgreementParty> rowKey={(p) => p.organisation.id} size="small" columns={columns} dataSource={parties} pagination={false} data-testid="agreement-parties-table" />;
}

export function AgreementDetailPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { agreementId = '' } = useParams();
  const { community, can } = useCommunity();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const taxonomy = useTaxonomy();
  const [editing, setEditing] = useState(false);
  const key = agreementKeys.detail(community.id, agreementId);
  const detail = useQuery({ queryKey: key, queryFn: () => agreementsApi.get(community.id, agreementId) });
  const canEdit = can('agreements.write');
  const canDelete = canEdit && can('members.manage');

  const status = useMutation({
    mutationFn: (next: AgreementStatus) => agreementsApi.update(community.id, agreementId, { version: detail.data!.version, status: next }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      void queryClient.invalidateQueries({ queryKey: agreementKeys.all(community.id) });
      void message.success(t('agreements.detail.statusChanged', { status: t(`agreements.statuses.${saved.status}`) }));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        void message.warning(t('agreements.detail.versionConflict'));
        void detail.refetch();
        return;
      }
      onError(e);
    },
  });
  const remove = useMutation({
    mutationFn: () => agreementsApi.remove(community.id, agreementId),
    onSuccess: () => {
      void message.success(t('agreements.detail.deleted'));
      void queryClient.invalidateQueries({ queryKey: agreementKeys.all(community.id) });
      void navigate(`/c/${community.slug}/agreements`);
    },
    onError: (e) => onError(e),
  });

  if (detail.isPending) return <PageSkeleton />;
  if (detail.isError) {
    if (detail.error instanceof ApiError && detail.error.status === 404) return <NotFoundResult />;
    return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const a = detail.data;

  return (
    <div data-testid="agreement-detail">
      <Link to={`/c/${community.slug}/agreements`} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('agreements.detail.back')}
      </Link>
      <PageHeader
        title={<span data-testid="agreement-title-heading">{a.title}</span>}
        subtitle={
          <Space wrap>
            <KindTag kind={a.kind} />
            <StatusTag status={a.status} />
            <span>{formatIsoDate(a.signedOn, lang)}</span>
            {a.signedPlace && <span>· {a.signedPlace}</span>}
          </Space>
        }
        extra={
          <Space wrap>
            {canEdit && (
              <Select<AgreementStatus>
                value={a.status}
                style={{ width: 140 }}
                loading={status.isPending}
                onChange={(v) => v !== a.status && status.mutate(v)}
                options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreements.statuses.${s}`) }))}
                aria-label={t('agreements.detail.changeStatus')}
                data-testid="agreement-status-change"
              />
            )}
            {canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="agreement-edit">
                {t('agreements.detail.edit')}
              </Button>
            )}
            {canDelete && (
              <Popconfirm
                title={t('agreements.detail.deleteConfirm')}
                okText={t('agreements.detail.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('agreements.form.cancel')}
                onConfirm={() => remove.mutateAsync().catch(() => undefined)}
              >
                <Button danger icon={<DeleteOutlined />} data-testid="agreement-delete">
                  {t('agreements.detail.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card variant="borderless" title={t('agreements.detail.facts')} style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('agreements.columns.amount')}>
                <strong data-testid="agreement-amount-value">{a.amountFen === null ? t('agreements.list.noAmount') : formatMoney(a.amountFen, lang)}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('agreements.form.signedOn')}>{formatIsoDate(a.signedOn, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('agreements.form.signedPlace')}>{a.signedPlace || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('agreements.form.segment')}>{a.segment ? taxonomy.name('segment', a.segment) : '—'}</Descriptions.Item>
              {a.note && (
                <Descriptions.Item label={t('agreements.form.note')} span={2}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.note}</Typography.Paragraph>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={5}>{t('agreements.form.parties')}</Typography.Title>
            <PartiesTable parties={a.parties} />
          </Card>
          <FilesCard agreement={a} canEdit={canEdit} />
        </Col>
        <Col xs={24} lg={9}>
          <LinksCard agreement={a} />
        </Col>
      </Row>
      {editing && <AgreementForm open agreement={a} onClose={() => setEditing(false)} onSaved={(saved) => queryClient.setQueryData(key, saved)} onConflict={() => void detail.refetch()} />}
    </div>
  );
}
