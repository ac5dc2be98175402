/**
 * The projects presented at an event in running order (up/down), added from the directory
 * through a search picker or in one click from the screened-in applications, each with its
 * agenda slot and note; and the materials shared with attendees, per project or for the whole
 * event (upload, download, delete).
 */
import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Grid, Input, List, Modal, Popconfirm, Select, Space, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCommunity } from '../../lib/community';
import { recordName, recordPath } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { useSession } from '../../lib/session';
import { eventOutcomeKeys, eventOutcomesApi, type EventMaterial, type EventProject } from '../../services/eventOutcomes';
import { LoadError, PageSkeleton } from '../States';
import { MoveButtons, moved, sessionLabel, SessionSelect, sizeText, termName } from './OutcomeCommon';
import type { EventTabProps } from './types';

function AddProjectModal({ event, open, onClose }: EventTabProps & { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ projectId: string; sessionId: string | null; note: string }>();
  const [q, setQ] = useState('');
  const candidates = useQuery({
    queryKey: eventOutcomeKeys.candidates(event.id, q),
    queryFn: () => eventOutcomesApi.candidates(event.communityId, event.id, q),
    enabled: open,
  });
  const add = useMutation({
    mutationFn: (v: { projectId: string; sessionId: string | null; note: string }) =>
      eventOutcomesApi.addProject(event.communityId, event.id, { projectId: v.projectId, sessionId: v.sessionId ?? null, note: v.note ?? '' }),
    onSuccess: () => {
      void message.success(t('eventOutcomes.common.saved'));
      void queryClient.invalidateQueries({ queryKey: eventOutcomeKeys.all(event.id) });
      form.resetFields();
      onClose();
    },
    onError: (e) => onError(e, form, ['projectId', 'sessionId', 'note']),
  });
  return (
    <Modal
      open={open}
      title={t('eventOutcomes.projects.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('eventOutcomes.common.save')}
      cancelText={t('eventOutcomes.common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'eventOutcomes-project-save' } as never}
    >
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} initialValues={{ sessionId: null, note: '' }}>
        <Form.Item name="projectId" label={t('eventOutcomes.projects.columns.project')} rules={[{ required: true, message: t('fieldErrors.eventOutcomes_project_required') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('eventOutcomes.projects.picker')}
            loading={candidates.isFetching}
            notFoundContent={t('eventOutcomes.projects.pickerEmpty')}
            data-testid="eventOutcomes-project-picker"
            options={(candidates.data ?? []).map((c) => ({
              value: c.project.id,
              disabled: c.presented,
              label: `${recordName(c.project.nameZh, c.project.nameEn, i18n.language)}${c.organisation ? ` · ${recordName(c.organisation.nameZh, c.organisation.nameEn, i18n.language)}` : ''}${c.presented ? `（${t('eventOutcomes.projects.alreadyPresented')}）` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="sessionId" label={t('eventOutcomes.projects.session')}>
          <SessionSelect communityId={event.communityId} eventId={event.id} timeZone={event.timeZone} testId="eventOutcomes-project-session" />
        </Form.Item>
        <Form.Item name="note" label={t('eventOutcomes.projects.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="eventOutcomes-project-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EditProjectModal({ event, project, onClose }: EventTabProps & { project: EventProject | null; onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ sessionId: string | null; note: string }>();
  const save = useMutation({
    mutationFn: (v: { sessionId: string | null; note: string }) => eventOutcomesApi.updateProject(event.communityId, event.id, project!.project.id, { sessionId: v.sessionId ?? null, note: v.note ?? '' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: eventOutcomeKeys.all(event.id) });
      onClose();
    },
    onError: (e) => onError(e, form, ['sessionId', 'note']),
  });
  return (
    <Modal
      open={project !== null}
      title={project ? project.project.nameZh : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('eventOutcomes.common.save')}
      cancelText={t('eventOutcomes.common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {project && (
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ sessionId: project.session?.id ?? null, note: project.note }}>
          <Form.Item name="sessionId" label={t('eventOutcomes.projects.session')}>
            <SessionSelect communityId={event.communityId} eventId={event.id} timeZone={event.timeZone} testId="eventOutcomes-project-edit-session" />
          </Form.Item>
          <Form.Item name="note" label={t('eventOutcomes.projects.note')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="eventOutcomes-project-edit-note" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function UploadMaterialModal({ event, projects, open, onClose, projectId }: EventTabProps & { projects: EventProject[]; open: boolean; onClose: () => void; projectId: string | null }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ title: string; projectId: string }>();
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: (v: { title: string; projectId: string }) =>
      eventOutcomesApi.uploadMaterial(event.communityId, event.id, file!, { title: v.title?.trim() || undefined, projectId: v.projectId || undefined }, session.data?.csrfToken, i18n.language),
    onSuccess: () => {
      void message.success(t('eventOutcomes.materials.uploaded'));
      void queryClient.invalidateQueries({ queryKey: eventOutcomeKeys.all(event.id) });
      setFile(null);
      form.resetFields();
      onClose();
    },
    onError: (e) => onError(e, form, ['title', 'projectId']),
  });
  return (
    <Modal
      open={open}
      title={t('eventOutcomes.materials.upload')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('eventOutcomes.materials.upload')}
      cancelText={t('eventOutcomes.common.cancel')}
      okButtonProps={{ disabled: !file, 'data-testid': 'eventOutcomes-material-send' } as never}
      confirmLoading={send.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('eventOutcomes.materials.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} initialValues={{ title: '', projectId: projectId ?? '' }}>
        <Form.Item label={t('eventOutcomes.materials.chooseFile')} required>
          <Upload
            accept=".pdf,.pptx,.png,.jpg,.jpeg,.webp"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />} data-testid="eventOutcomes-material-file">
              {t('eventOutcomes.materials.chooseFile')}
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item name="title" label={t('eventOutcomes.materials.uploadTitle')}>
          <Input maxLength={200} placeholder={t('eventOutcomes.materials.uploadTitlePlaceholder')} data-testid="eventOutcomes-material-title" />
        </Form.Item>
        <Form.Item name="projectId" label={t('eventOutcomes.materials.forProject')}>
          <Select
            data-testid="eventOutcomes-material-project"
            options={[{ value: '', label: t('eventOutcomes.materials.wholeEvent') }, ...projects.map((p) => ({ value: p.project.id, label: recordName(p.project.nameZh, p.project.nameEn, i18n.language) }))]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MaterialsCard({ event, projects, materials }: EventTabProps & { projects: EventProject[]; materials: EventMaterial[] }) {
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const projectName = (id: string | null) => {
    const p = id ? projects.find((x) => x.project.id === id) : undefined;
    return p ? recordName(p.project.nameZh, p.project.nameEn, i18n.language) : t('eventOutcomes.materials.wholeEvent');
  };
  const remove = useMutation({
    mutationFn: (m: EventMaterial) => eventOutcomesApi.removeMaterial(event.communityId, event.id, m.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: eventOutcomeKeys.all(event.id) }),
    onError: (e) => onError(e),
  });
  const actions = (m: EventMaterial) => (
    <Space size={0}>
      <Button type="link" size="small" icon={<DownloadOutlined />} href={eventOutcomesApi.materialUrl(event.communityId, event.id, m.id)} aria-label={t('eventOutcomes.common.download')} data-testid="eventOutcomes-material-download" />
      <Popconfirm title={t('eventOutcomes.materials.removeConfirm')} onConfirm={() => remove.mutate(m)}>
        <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('eventOutcomes.common.remove')} data-testid="eventOutcomes-material-remove" />
      </Popconfirm>
    </Space>
  );
  const columns: TableColumnsType<EventMaterial> = [
    { title: t('eventOutcomes.materials.columns.title'), dataIndex: 'title', key: 'title' },
    { title: t('eventOutcomes.materials.columns.project'), key: 'project', render: (_, m) => projectName(m.projectId) },
    { title: t('eventOutcomes.materials.columns.file'), key: 'file', render: (_, m) => <Typography.Text type="secondary">{m.filename}</Typography.Text> },
    { title: t('eventOutcomes.materials.columns.size'), key: 'size', width: 90, render: (_, m) => sizeText(m.sizeBytes) },
    { title: t('eventOutcomes.materials.columns.createdAt'), key: 'at', width: 150, render: (_, m) => formatDateTime(m.createdAt, i18n.language, event.timeZone) },
    { title: t('eventOutcomes.materials.columns.actions'), key: 'actions', width: 100, render: (_, m) => actions(m) },
  ];
  return (
    <Card
      title={t('eventOutcomes.materials.title')}
      extra={
        <Button icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="eventOutcomes-material-upload">
          {t('eventOutcomes.materials.upload')}
        </Button>
      }
      data-testid="eventOutcomes-materials"
    >
      {materials.length === 0 ? (
        <Empty description={t('eventOutcomes.materials.empty')} />
      ) : screens.md ? (
        <Table rowKey="id" columns={columns} dataSource={materials} pagination={false} size="small" />
      ) : (
        <List
          dataSource={materials}
          renderItem={(m) => (
            <List.Item actions={[actions(m)]}>
              <List.Item.Meta title={m.title} description={`${projectName(m.projectId)} · ${sizeText(m.sizeBytes)}`} />
            </List.Item>
          )}
        />
      )}
      <UploadMaterialModal event={event} projects={projects} open={uploading} onClose={() => setUploading(false)} projectId={null} />
    </Card>
  );
}

export function ProjectsTab({ event }: EventTabProps) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<EventProject | null>(null);
  const data = useQuery({ queryKey: eventOutcomeKeys.projects(event.id), queryFn: () => eventOutcomesApi.projects(event.communityId, event.id) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: eventOutcomeKeys.all(event.id) });
  const reorder = useMutation({
    mutationFn: (ids: string[]) => eventOutcomesApi.reorderProjects(event.communityId, event.id, ids),
    onSuccess: refresh,
    onError: (e) => {
      onError(e);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (projectId: string) => eventOutcomesApi.removeProject(event.communityId, event.id, projectId),
    onSuccess: refresh,
    onError: (e) => onError(e),
  });
  const fromApplications = useMutation({
    mutationFn: () => eventOutcomesApi.fromApplications(event.communityId, event.id),
    onSuccess: (r) => {
      void message.success(t('eventOutcomes.projects.fromApplicationsDone', { added: r.added, skipped: r.skipped }));
      refresh();
    },
    onError: (e) => onError(e),
  });

  if (data.isLoading) return <PageSkeleton />;
  if (data.isError || !data.data) return <LoadError error={data.error} onRetry={() => void data.refetch()} />;
  const projects = data.data.projects;
  const ids = projects.map((p) => p.project.id);
  const move = (from: number, to: number) => reorder.mutate(moved(ids, from, to));
  const name = (p: EventProject) => (
    <Space orientation="vertical" size={0}>
      <Link to={recordPath(community.slug, 'project', p.project.id)} data-testid="eventOutcomes-project-link">
        {recordName(p.project.nameZh, p.project.nameEn, i18n.language)}
      </Link>
      <Space size={4} wrap>
        {p.confidentiality !== 'public' && <Tag color="gold">{t(`eventOutcomes.projects.confidentiality.${p.confidentiality}`, { defaultValue: p.confidentiality })}</Tag>}
        {p.applicationId && <Tag color="blue">{t('eventOutcomes.projects.fromApplication')}</Tag>}
        {p.note && <Typography.Text type="secondary">{p.note}</Typography.Text>}
      </Space>
    </Space>
  );
  const actions = (p: EventProject) => (
    <Space size={0}>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t('eventOutcomes.common.edit')} data-testid="eventOutcomes-project-edit" />
      <Popconfirm title={t('eventOutcomes.projects.removeConfirm')} onConfirm={() => remove.mutate(p.project.id)}>
        <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('eventOutcomes.common.remove')} data-testid="eventOutcomes-project-remove" />
      </Popconfirm>
    </Space>
  );
  const columns: TableColumnsType<EventProject> = [
    { title: t('eventOutcomes.projects.columns.position'), key: 'pos', width: 110, render: (_, p, i) => <Space><span>{i + 1}</span><MoveButtons index={i} count={projects.length} onMove={move} disabled={reorder.isPending} testId="eventOutcomes-project-move" /></Space> },
    { title: t('eventOutcomes.projects.columns.project'), key: 'project', render: (_, p) => name(p) },
    { title: t('eventOutcomes.projects.columns.organisation'), key: 'org', responsive: ['lg'], render: (_, p) => (p.organisation ? <Link to={recordPath(community.slug, 'organisation', p.organisation.id)}>{recordName(p.organisation.nameZh, p.organisation.nameEn, i18n.language)}</Link> : '') },
    { title: t('eventOutcomes.projects.columns.segment'), key: 'segment', responsive: ['xl'], render: (_, p) => `${termName(p.segment, i18n.language)}${p.stage ? ` · ${termName(p.stage, i18n.language)}` : ''}` },
    { title: t('eventOutcomes.projects.columns.funding'), key: 'funding', responsive: ['lg'], render: (_, p) => formatMoney(p.fundingSoughtFen, i18n.language) },
    { title: t('eventOutcomes.projects.columns.session'), key: 'session', render: (_, p) => (p.session ? sessionLabel(p.session, i18n.language, event.timeZone) : <Typography.Text type="secondary">{t('eventOutcomes.common.noSession')}</Typography.Text>) },
    { title: t('eventOutcomes.projects.columns.materials'), key: 'materials', width: 90, render: (_, p) => t('eventOutcomes.projects.materials', { count: p.materialCount }) },
    { title: t('eventOutcomes.projects.columns.actions'), key: 'actions', width: 100, render: (_, p) => actions(p) },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="eventOutcomes-projects-tab">
      <Card
        title={t('eventOutcomes.projects.title')}
        extra={
          <Space wrap>
            <Button onClick={() => fromApplications.mutate()} loading={fromApplications.isPending} data-testid="eventOutcomes-projects-from-applications">
              {t('eventOutcomes.projects.fromApplications')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="eventOutcomes-project-add">
              {t('eventOutcomes.projects.add')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('eventOutcomes.projects.hint')}</Typography.Paragraph>
        {projects.length === 0 ? (
          <Empty description={t('eventOutcomes.projects.empty')} />
        ) : screens.md ? (
          <Table rowKey={(p) => p.project.id} columns={columns} dataSource={projects} pagination={false} size="middle" data-testid="eventOutcomes-projects" />
        ) : (
          <List
            dataSource={projects}
            data-testid="eventOutcomes-projects"
            renderItem={(p, i) => (
              <List.Item actions={[<MoveButtons key="move" index={i} count={projects.length} onMove={move} disabled={reorder.isPending} testId="eventOutcomes-project-move" />, actions(p)]}>
                <List.Item.Meta title={name(p)} description={p.session ? sessionLabel(p.session, i18n.language, event.timeZone) : undefined} />
              </List.Item>
            )}
          />
        )}
      </Card>
      <MaterialsCard event={event} projects={projects} materials={data.data.materials} />
      <AddProjectModal event={event} open={adding} onClose={() => setAdding(false)} />
      <EditProjectModal event={event} project={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
