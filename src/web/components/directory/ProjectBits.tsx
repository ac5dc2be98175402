import { DeleteOutlined, EyeInvisibleOutlined, FilePdfOutlined, GlobalOutlined, LockOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confidentiality, ProjectTrack } from '../../../domain/directory';
import { useCommunity } from '../../lib/community';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { directoryApi, directoryKeys, fileUrl, uploads, type Attachment } from '../../services/directory';
import { StageProgress } from '../lifecycle/StageProgress';
import { useLifecycleCatalogue } from '../lifecycle/support';

const CONFIDENTIALITY_LOOK: Record<Confidentiality, { color: string; icon: React.ReactNode }> = {
  public: { color: 'green', icon: <GlobalOutlined /> },
  community: { color: 'blue', icon: <TeamOutlined /> },
  named_investors: { color: 'red', icon: <LockOutlined /> },
};

export function ConfidentialityTag({ level }: { level: Confidentiality }) {
  const { t } = useTranslation();
  const look = CONFIDENTIALITY_LOOK[level];
  return (
    <Tag color={look.color} icon={look.icon} data-testid="confidentiality">
      {t(`dir.confidentiality.${level}`)}
    </Tag>
  );
}

/** The project's stage on its lifecycle model (its track, and for devices its class). */
export function StageSteps({ track, deviceClass, stage }: { track: ProjectTrack; deviceClass: string | null; stage: string }) {
  const catalogue = useLifecycleCatalogue();
  const model = catalogue.model(track, deviceClass);
  if (!model) return null;
  return <StageProgress model={model} stage={stage} lang={catalogue.lang} />;
}

function sizeText(bytes: number, lang: string): string {
  const nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${nf.format(bytes / 1024 / 1024)} MB`;
  return `${nf.format(Math.max(1, bytes / 1024))} KB`;
}

/** Pitch decks and other PDFs: download for everyone who sees the project, upload and remove for its editors. */
export function AttachmentsPanel({ projectId, attachments, canEdit }: { projectId: string; attachments: Attachment[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const session = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'pitch_deck' | 'other'>('pitch_deck');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: directoryKeys.record('project', projectId) });
    void queryClient.invalidateQueries({ queryKey: directoryKeys.activity('project', projectId) });
  };

  const add = useMutation({
    mutationFn: (file: File) => uploads.attachment(projectId, file, kind, session.data?.csrfToken, i18n.language),
    onSuccess: () => {
      void message.success(t('dirProject.uploaded'));
      refresh();
    },
    onError: (e) => onError(e),
  });
  const remove = useMutation({
    mutationFn: (a: Attachment) => directoryApi.removeAttachment(projectId, a.id),
    onSuccess: () => {
      void message.success(t('dirProject.attachmentRemoved'));
      refresh();
    },
    onError: (e) => onError(e),
  });

  const columns: TableColumnsType<Attachment> = [
    {
      title: t('dirProject.file'),
      key: 'file',
      render: (_, a) => (
        <a href={fileUrl(a.fileId)} target="_blank" rel="noreferrer" data-testid="attachment-link">
          <FilePdfOutlined style={{ color: '#cf1322', marginInlineEnd: 6 }} />
          {a.filename}
        </a>
      ),
    },
    { title: t('dirProject.kind'), dataIndex: 'kind', key: 'kind', width: 110, render: (k: string) => <Tag>{t(`dirProject.kinds.${k}`, { defaultValue: k })}</Tag> },
    { title: t('dirProject.size'), dataIndex: 'sizeBytes', key: 'size', width: 100, responsive: ['md'], render: (b: number) => sizeText(b, i18n.language) },
    { title: t('dirProject.uploadedAt'), dataIndex: 'createdAt', key: 'at', width: 170, responsive: ['md'], render: (v: string) => formatDateTime(v, i18n.language, community.timeZone) },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, a) => (
        <Popconfirm
          title={t('dirProject.removeAttachment')}
          okText={t('dirProject.remove')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => remove.mutateAsync(a).catch(() => undefined)}
        >
          <Button type="link" danger size="small" icon={<DeleteOutlined />} aria-label={t('dirProject.remove')} />
        </Popconfirm>
      ),
    });
  }

  return (
    <div data-testid="attachments">
      {canEdit && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            value={kind}
            onChange={setKind}
            style={{ width: 140 }}
            options={(['pitch_deck', 'other'] as const).map((k) => ({ value: k, label: t(`dirProject.kinds.${k}`) }))}
            aria-label={t('dirProject.kind')}
          />
          <Upload
            accept="application/pdf,.pdf"
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')) {
                void message.error(t('dirProject.pdfOnly'));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file }) => add.mutate(file as File)}
          >
            <Button icon={<UploadOutlined />} loading={add.isPending} data-testid="upload-attachment">
              {t('dirProject.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dirProject.uploadHelp')}
          </Typography.Text>
        </Space>
      )}
      <Table<Attachment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={attachments}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dirProject.noAttachments')} /> }}
      />
    </div>
  );
}

export function HiddenNotice({ text }: { text: string }) {
  return (
    <Typography.Text type="secondary">
      <EyeInvisibleOutlined style={{ marginInlineEnd: 6 }} />
      {text}
    </Typography.Text>
  );
}
