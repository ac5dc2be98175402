import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Empty, Form, Input, Modal, Popconfirm, Radio, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES, LINK_ROLES, LINK_TARGET_TYPES, type EntityType, type LinkRole, type LinkTargetType } from '../../../domain/directory';
import { recordNames } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDate, localName } from '../../lib/format';
import { useSession } from '../../lib/session';
import { directoryApi, directoryKeys, type Link } from '../../services/directory';
import { RecordName } from './RecordName';
import { RecordSelect } from './formSupport';

interface Values {
  role: LinkRole;
  direction: 'out' | 'in';
  otherType: LinkTargetType;
  otherId?: string | null;
  note?: string;
  since?: Dayjs | null;
}

function isEntityType(v: string): v is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(v);
}

/**
 * A record's links to other records, each read from this record's side ("投资了 X", "投资方 Y"),
 * with add and remove for those who may edit the record.
 */
export function LinksPanel({ type, id, links, canEdit }: { type: EntityType; id: string; links: Link[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['directory'] });
    void queryClient.invalidateQueries({ queryKey: directoryKeys.activity(type, id) });
  };
  const remove = useMutation({
    mutationFn: (link: Link) => directoryApi.deleteLink(link.id),
    onSuccess: () => {
      void message.success(t('dirLinks.removed'));
      refresh();
    },
    onError: (e) => onError(e),
  });

  const columns: TableColumnsType<Link> = [
    {
      title: t('dirLinks.relation'),
      key: 'role',
      width: 170,
      render: (_, l) => {
        const out = l.from.entityType === type && l.from.id === id;
        return (
          <Tag color={out ? 'blue' : 'gold'} icon={out ? <ArrowRightOutlined /> : <ArrowLeftOutlined />}>
            {t(out ? `dir.linkRoles.${l.role}` : `dir.linkRolesInverse.${l.role}`)}
          </Tag>
        );
      },
    },
    {
      title: t('dirLinks.other'),
      key: 'other',
      render: (_, l) => {
        const other = l.from.entityType === type && l.from.id === id ? l.to : l.from;
        if (!isEntityType(other.entityType)) {
          return (
            <span>
              <Tag>{t('dirLinks.types.community')}</Tag>
              {recordNames(other.nameZh, other.nameEn, i18n.language).primary}
            </span>
          );
        }
        return <RecordName type={other.entityType} id={other.id} nameZh={other.nameZh} nameEn={other.nameEn} />;
      },
    },
    { title: t('dirLinks.note'), dataIndex: 'note', key: 'note', responsive: ['md'], render: (v: string) => v || <Typography.Text type="secondary">—</Typography.Text> },
    { title: t('dirLinks.since'), dataIndex: 'since', key: 'since', width: 120, render: (v: string | null) => (v ? formatDate(v, i18n.language) : '—') },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, l) => (
        <Popconfirm
          title={t('dirLinks.removeTitle')}
          okText={t('dirLinks.remove')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => remove.mutateAsync(l).catch(() => undefined)}
        >
          <Button type="link" danger size="small" icon={<DeleteOutlined />} aria-label={t('dirLinks.remove')} />
        </Popconfirm>
      ),
    });
  }

  return (
    <div data-testid="links-panel">
      {canEdit && (
        <div style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-link">
            {t('dirLinks.add')}
          </Button>
        </div>
      )}
      <Table<Link>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={links}
        pagination={links.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dirLinks.empty')} /> }}
      />
      <AddLinkDialog open={adding} onClose={() => setAdding(false)} type={type} id={id} onAdded={refresh} />
    </div>
  );
}

function AddLinkDialog({ open, onClose, type, id, onAdded }: { open: boolean; onClose: () => void; type: EntityType; id: string; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const session = useSession();
  const otherType = Form.useWatch('otherType', form) ?? 'organisation';
  const direction = Form.useWatch('direction', form) ?? 'out';

  const add = useMutation({
    mutationFn: (v: Values) => {
      const other = { type: v.otherType, id: v.otherId ?? '' };
      const self = { type, id };
      const [from, to] = v.direction === 'out' || v.otherType === 'community' ? [self, other] : [other, self];
      return directoryApi.createLink({
        fromType: from.type as EntityType,
        fromId: from.id,
        toType: to.type,
        toId: to.id,
        role: v.role,
        note: v.note?.trim() ?? '',
        since: v.since ? v.since.format('YYYY-MM-DD') : null,
      });
    },
    onSuccess: () => {
      void message.success(t('dirLinks.added'));
      form.resetFields();
      onAdded();
      onClose();
    },
    onError: (e) => onError(e, form, ['role', 'note', 'since']),
  });

  const communities = session.data?.communities ?? [];
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('dirLinks.add')}
      okText={t('dirLinks.addConfirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ role: 'partner_of', direction: 'out', otherType: 'organisation' }}
        onFinish={(v) => add.mutate(v)}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.otherType) form.setFieldValue('otherId', undefined);
        }}
      >
        <Form.Item name="otherType" label={t('dirLinks.otherType')}>
          <Radio.Group optionType="button" options={LINK_TARGET_TYPES.map((v) => ({ value: v, label: t(`dirLinks.types.${v}`) }))} />
        </Form.Item>
        <Form.Item name="otherId" label={t('dirLinks.other')} rules={[{ required: true, message: t('dirForm.required') }]}>
          {otherType === 'community' ? (
            <Select options={communities.map((c) => ({ value: c.id, label: localName(c, i18n.language) }))} />
          ) : (
            <RecordSelect type={otherType} key={otherType} />
          )}
        </Form.Item>
        <Form.Item name="role" label={t('dirLinks.relation')}>
          <Select options={LINK_ROLES.map((r) => ({ value: r, label: t(`dir.linkRoles.${r}`) }))} />
        </Form.Item>
        {otherType !== 'community' && (
          <Form.Item name="direction" label={t('dirLinks.direction')}>
            <Radio.Group>
              <Radio value="out">{t('dirLinks.directionOut')}</Radio>
              <Radio value="in">{t('dirLinks.directionIn')}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {direction === 'out' || otherType === 'community' ? t('dirLinks.readsOut') : t('dirLinks.readsIn')}
        </Typography.Paragraph>
        <Form.Item name="since" label={t('dirLinks.since')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('dirLinks.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
