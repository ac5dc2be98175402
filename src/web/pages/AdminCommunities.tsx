import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../services/api';
import type { Community } from '../services/types';
import { COMMUNITY_FIELD_NAMES, CommunityProfileFields, communityProfileBody, type CommunityProfileValues } from '../components/CommunityFormFields';
import { PageHeader } from '../components/PageHeader';
import { LoadError } from '../components/States';
import { useCommunities, useCommunityKinds } from '../lib/community';
import { useApiErrorHandler } from '../lib/errors';
import { formatDate, localName } from '../lib/format';
import { SESSION_KEY } from '../lib/session';

interface CreateValues extends CommunityProfileValues {
  slug: string;
}

function CreateCommunityDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      api.post<Community>('/api/communities', { slug: v.slug.trim(), ...communityProfileBody(v) }),
    onSuccess: (c) => {
      void message.success(t('adminCommunities.created', { name: localName(c, i18n.language) }));
      void queryClient.invalidateQueries({ queryKey: ['communities'] });
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      form.resetFields();
      onClose();
    },
    onError: (e) => onError(e, form, COMMUNITY_FIELD_NAMES),
  });
  return (
    <Modal
      open={open}
      title={t('adminCommunities.createTitle')}
      width={880}
      onCancel={onClose}
      okText={t('adminCommunities.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'create-community-submit' } as Record<string, string>}
    >
      <Form<CreateValues> form={form} layout="vertical" initialValues={{ timeZone: 'Asia/Shanghai', kind: 'park' }} onFinish={(v) => create.mutate(v)} preserve={false}>
        <Form.Item
          name="slug"
          label={t('community.slug')}
          extra={t('adminCommunities.slugHint')}
          rules={[
            { required: true, message: t('validation.required', { field: t('community.slug') }) },
            { pattern: /^[a-z0-9][a-z0-9-]{1,62}$/, message: t('adminCommunities.slugInvalid') },
          ]}
        >
          <Input prefix={<span style={{ color: "rgba(0,0,0,0.45)" }}>/c/</span>} data-testid="community-slug" />
        </Form.Item>
        <CommunityProfileFields />
      </Form>
    </Modal>
  );
}

export function AdminCommunitiesPage() {
  const { t, i18n } = useTranslation();
  const communities = useCommunities();
  const kinds = useCommunityKinds();
  const [open, setOpen] = useState(false);
  const lang = i18n.language;

  const columns: TableColumnsType<Community> = [
    {
      title: t('adminCommunities.columns.name'),
      key: 'name',
      render: (_, c) => (
        <div>
          <Link to={`/c/${c.slug}`} style={{ fontWeight: 500 }}>
            {localName(c, lang)}
          </Link>
          <div>
            <Typography.Text type="secondary" className="bb-mono">
              {c.slug}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('community.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: string) => {
        const kind = kinds.data?.find((x) => x.code === k);
        return <Tag color="cyan">{kind ? localName(kind, lang) : k}</Tag>;
      },
    },
    {
      title: t('adminCommunities.columns.location'),
      key: 'location',
      render: (_, c) => [c.province, c.city].filter(Boolean).join(' · ') || '—',
    },
    { title: t('community.timeZone'), dataIndex: 'timeZone', key: 'tz', responsive: ['md'] },
    { title: t('adminCommunities.columns.createdAt'), dataIndex: 'createdAt', key: 'createdAt', responsive: ['md'], render: (v: string) => formatDate(v, lang) },
  ];

  return (
    <div data-testid="admin-communities-page">
      <PageHeader
        title={t('adminCommunities.title')}
        subtitle={t('adminCommunities.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="create-community-open">
            {t('adminCommunities.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        {communities.error ? (
          <LoadError error={communities.error} onRetry={() => void communities.refetch()} />
        ) : (
          <Table<Community>
            rowKey="id"
            columns={columns}
            dataSource={communities.data ?? []}
            loading={communities.isPending}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('adminCommunities.empty')} /> }}
          />
        )}
      </Card>
      <CreateCommunityDialog open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
