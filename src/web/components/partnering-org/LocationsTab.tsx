/**
 * Locations: numbered tables (or rooms, online rooms) in bulk, one location at a time (a booth or
 * online room can belong to one participant), and the list with its meeting counts, edit and delete
 * (a location holding a published meeting cannot go: 409 explained).
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCATION_KINDS, type LocationKind } from '../../../domain/partnering/vocabularies';
import { useApiErrorHandler } from '../../lib/errors';
import { partneringOrgApi, partneringOrgKeys, type LocationBulkInput, type OrgLocation } from '../../services/partneringOrg';
import { LoadError } from '../States';
import { isConflict, ParticipantSelect, useRefreshPartnering, type OrgTabProps } from './common';

const BULK_KINDS = ['table', 'room', 'online'] as const;

function KindTag({ kind }: { kind: LocationKind }) {
  const { t } = useTranslation();
  const colour = { table: 'default', room: 'blue', booth: 'purple', online: 'cyan' }[kind];
  return <Tag color={colour}>{t(`partneringOrg.locationKinds.${kind}`)}</Tag>;
}

function BulkForm({ communityId, event }: OrgTabProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPartnering(event.id);
  const [form] = Form.useForm<LocationBulkInput>();
  const prefix = Form.useWatch('prefix', form) ?? '';
  const start = Form.useWatch('start', form) ?? 1;
  const count = Form.useWatch('count', form) ?? 0;
  const bulk = useMutation({
    mutationFn: (v: LocationBulkInput) => partneringOrgApi.bulkLocations(communityId, event.id, { ...v, prefix: v.prefix ?? '' }),
    onSuccess: (_, v) => {
      void message.success(t('partneringOrg.locations.bulkDone', { count: v.count }));
      refresh();
    },
    onError: (e) => {
      if (isConflict(e, 'partnering_location_name_taken')) {
        modal.warning({ title: t('partneringOrg.locations.nameTakenTitle'), content: t('partneringOrg.locations.bulkNameTakenBody') });
        return;
      }
      onError(e, form, ['kind', 'prefix', 'start', 'count']);
    },
  });
  const first = `${prefix}${start}`;
  const last = `${prefix}${start + Math.max(count, 1) - 1}`;
  return (
    <Card variant="borderless" title={t('partneringOrg.locations.bulkTitle')} style={{ height: '100%' }}>
      <Form<LocationBulkInput> form={form} layout="vertical" initialValues={{ kind: 'table', prefix: t('partneringOrg.locations.defaultPrefix'), start: 1, count: 20 }} onFinish={(v) => bulk.mutate(v)} data-testid="locations-bulk-form">
        <Space wrap align="start">
          <Form.Item name="kind" label={t('partneringOrg.locations.kind')}>
            <Select style={{ width: 130 }} options={BULK_KINDS.map((k) => ({ value: k, label: t(`partneringOrg.locationKinds.${k}`) }))} data-testid="locations-bulk-kind" />
          </Form.Item>
          <Form.Item name="prefix" label={t('partneringOrg.locations.prefix')}>
            <Input maxLength={30} style={{ width: 120 }} data-testid="locations-bulk-prefix" />
          </Form.Item>
          <Form.Item name="start" label={t('partneringOrg.locations.start')} rules={[{ required: true, message: t('partneringOrg.common.required') }]}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: 100 }} data-testid="locations-bulk-start" />
          </Form.Item>
          <Form.Item name="count" label={t('partneringOrg.locations.count')} rules={[{ required: true, message: t('partneringOrg.common.required') }]}>
            <InputNumber min={1} max={2000} precision={0} style={{ width: 100 }} data-testid="locations-bulk-count" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={bulk.isPending} disabled={!count} data-testid="locations-bulk-submit">
            {t('partneringOrg.locations.bulkSubmit', { count })}
          </Button>
          {count > 0 && <Typography.Text type="secondary">{count > 1 ? t('partneringOrg.locations.bulkPreview', { first, last }) : first}</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}

interface OneValues {
  kind: LocationKind;
  name: string;
  ownerParticipantId: string | null;
  onlineUrl: string;
}

function OneForm({ communityId, event }: OrgTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPartnering(event.id);
  const [form] = Form.useForm<OneValues>();
  const kind = Form.useWatch('kind', form) ?? 'table';
  const create = useMutation({
    mutationFn: (v: OneValues) =>
      partneringOrgApi.createLocation(communityId, event.id, {
        kind: v.kind,
        name: v.name.trim(),
        ownerParticipantId: v.kind === 'booth' || v.kind === 'online' ? (v.ownerParticipantId ?? null) : null,
        onlineUrl: v.kind === 'online' && v.onlineUrl?.trim() ? v.onlineUrl.trim() : null,
      }),
    onSuccess: () => {
      void message.success(t('partneringOrg.locations.added'));
      form.resetFields(['name', 'ownerParticipantId', 'onlineUrl']);
      refresh();
    },
    onError: (e) => {
      if (isConflict(e, 'partnering_location_name_taken')) {
        form.setFields([{ name: 'name', errors: [t('partneringOrg.locations.nameTaken')] }]);
        return;
      }
      onError(e, form, ['kind', 'name', 'ownerParticipantId', 'onlineUrl']);
    },
  });
  return (
    <Card variant="borderless" title={t('partneringOrg.locations.oneTitle')} style={{ height: '100%' }}>
      <Form<OneValues> form={form} layout="vertical" initialValues={{ kind: 'room', name: '', ownerParticipantId: null, onlineUrl: '' }} onFinish={(v) => create.mutate(v)} data-testid="locations-one-form">
        <Space wrap align="start">
          <Form.Item name="kind" label={t('partneringOrg.locations.kind')}>
            <Select style={{ width: 130 }} options={LOCATION_KINDS.map((k) => ({ value: k, label: t(`partneringOrg.locationKinds.${k}`) }))} data-testid="locations-one-kind" />
          </Form.Item>
          <Form.Item name="name" label={t('partneringOrg.locations.name')} rules={[{ required: true, whitespace: true, message: t('partneringOrg.common.required') }]}>
            <Input maxLength={60} style={{ width: 200 }} data-testid="locations-one-name" />
          </Form.Item>
        </Space>
        {(kind === 'booth' || kind === 'online') && (
          <Form.Item
            name="ownerParticipantId"
            label={t('partneringOrg.locations.owner')}
            extra={kind === 'booth' ? t('partneringOrg.locations.ownerBoothHelp') : t('partneringOrg.locations.ownerOnlineHelp')}
            rules={kind === 'booth' ? [{ required: true, message: t('partneringOrg.locations.ownerRequired') }] : []}
          >
            <ParticipantSelect communityId={communityId} eventId={event.id} allowClear testId="locations-one-owner" style={{ maxWidth: 420 }} />
          </Form.Item>
        )}
        {kind === 'online' && (
          <Form.Item name="onlineUrl" label={t('partneringOrg.locations.onlineUrl')} rules={[{ type: 'url', message: t('partneringOrg.locations.urlInvalid') }]}>
            <Input maxLength={500} placeholder="https://" style={{ maxWidth: 420 }} data-testid="locations-one-url" />
          </Form.Item>
        )}
        <Button htmlType="submit" icon={<PlusOutlined />} loading={create.isPending} data-testid="locations-one-submit">
          {t('partneringOrg.locations.add')}
        </Button>
      </Form>
    </Card>
  );
}

interface EditValues {
  name: string;
  ownerParticipantId: string | null;
  onlineUrl: string;
  position: number;
}

function EditModal({ communityId, event, location, onClose }: OrgTabProps & { location: OrgLocation | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPartnering(event.id);
  const [form] = Form.useForm<EditValues>();
  const save = useMutation({
    mutationFn: (v: EditValues) =>
      partneringOrgApi.updateLocation(communityId, event.id, location!.id, {
        name: v.name.trim(),
        position: v.position,
        ...(location!.kind === 'booth' || location!.kind === 'online' ? { ownerParticipantId: v.ownerParticipantId ?? null } : {}),
        ...(location!.kind === 'online' ? { onlineUrl: v.onlineUrl?.trim() ? v.onlineUrl.trim() : null } : {}),
      }),
    onSuccess: () => {
      void message.success(t('partneringOrg.common.saved'));
      refresh();
      onClose();
    },
    onError: (e) => {
      if (isConflict(e, 'partnering_location_name_taken')) {
        form.setFields([{ name: 'name', errors: [t('partneringOrg.locations.nameTaken')] }]);
        return;
      }
      onError(e, form, ['name', 'ownerParticipantId', 'onlineUrl', 'position']);
    },
  });
  return (
    <Modal
      open={location !== null}
      title={t('partneringOrg.locations.editTitle', { name: location?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('partneringOrg.common.save')}
      cancelText={t('partneringOrg.common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'locations-edit-save' } as never}
      destroyOnHidden
    >
      {location && (
        <Form<EditValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ name: location.name, ownerParticipantId: location.owner?.id ?? null, onlineUrl: location.onlineUrl ?? '', position: location.position }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item name="name" label={t('partneringOrg.locations.name')} rules={[{ required: true, whitespace: true, message: t('partneringOrg.common.required') }]}>
            <Input maxLength={60} data-testid="locations-edit-name" />
          </Form.Item>
          {(location.kind === 'booth' || location.kind === 'online') && (
            <Form.Item name="ownerParticipantId" label={t('partneringOrg.locations.owner')}>
              <ParticipantSelect communityId={communityId} eventId={event.id} allowClear />
            </Form.Item>
          )}
          {location.kind === 'online' && (
            <Form.Item name="onlineUrl" label={t('partneringOrg.locations.onlineUrl')} rules={[{ type: 'url', message: t('partneringOrg.locations.urlInvalid') }]}>
              <Input maxLength={500} placeholder="https://" />
            </Form.Item>
          )}
          <Form.Item name="position" label={t('partneringOrg.locations.position')} extra={t('partneringOrg.locations.positionHelp')}>
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

export function LocationsTab(props: OrgTabProps) {
  const { communityId, event } = props;
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPartnering(event.id);
  const [editing, setEditing] = useState<OrgLocation | null>(null);
  const query = useQuery({ queryKey: partneringOrgKeys.locations(event.id), queryFn: () => partneringOrgApi.locations(communityId, event.id) });
  const remove = useMutation({
    mutationFn: (id: string) => partneringOrgApi.deleteLocation(communityId, event.id, id),
    onSuccess: () => {
      void message.success(t('partneringOrg.locations.deleted'));
      refresh();
    },
    onError: (e) => {
      if (isConflict(e, 'partnering_location_in_use')) {
        modal.warning({ title: t('partneringOrg.locations.inUseTitle'), content: t('partneringOrg.locations.inUseBody') });
        return;
      }
      onError(e);
    },
  });

  const columns: TableColumnsType<OrgLocation> = [
    { title: t('partneringOrg.locations.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('partneringOrg.locations.kind'), dataIndex: 'kind', width: 110, render: (k: LocationKind) => <KindTag kind={k} /> },
    {
      title: t('partneringOrg.locations.owner'),
      key: 'owner',
      render: (_, r) => (r.owner ? `${r.owner.displayName} · ${r.owner.organisationName}` : <Typography.Text type="secondary">{t('partneringOrg.locations.shared')}</Typography.Text>),
    },
    {
      title: t('partneringOrg.locations.onlineUrl'),
      dataIndex: 'onlineUrl',
      ellipsis: true,
      render: (v: string | null) => (v ? <a href={v} target="_blank" rel="noopener noreferrer">{v}</a> : '—'),
    },
    { title: t('partneringOrg.locations.draftMeetings'), dataIndex: 'draftMeetings', align: 'right', width: 110 },
    { title: t('partneringOrg.locations.publishedMeetings'), dataIndex: 'publishedMeetings', align: 'right', width: 110 },
    {
      title: t('partneringOrg.common.actions'),
      key: 'actions',
      width: 110,
      render: (_, r) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={t('partneringOrg.common.edit')} data-testid={`location-edit-${r.id}`} />
          <Popconfirm
            title={r.draftMeetings > 0 ? t('partneringOrg.locations.deleteConfirmDraft', { count: r.draftMeetings }) : t('partneringOrg.locations.deleteConfirm')}
            okText={t('partneringOrg.common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('partneringOrg.common.cancel')}
            onConfirm={() => remove.mutateAsync(r.id).catch(() => undefined)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('partneringOrg.common.delete')} data-testid={`location-delete-${r.id}`} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <BulkForm {...props} />
        </Col>
        <Col xs={24} xl={12}>
          <OneForm {...props} />
        </Col>
      </Row>
      <Card variant="borderless" title={t('partneringOrg.locations.listTitle', { count: query.data?.items.length ?? 0 })}>
        {query.isError ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<OrgLocation>
            rowKey="id"
            size="small"
            loading={query.isPending}
            columns={columns}
            dataSource={query.data?.items ?? []}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 860 }}
            data-testid="locations-table"
          />
        )}
      </Card>
      <EditModal {...props} location={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
