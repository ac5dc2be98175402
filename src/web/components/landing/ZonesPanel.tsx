import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Popconfirm, Progress, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZONE_KINDS, type ZoneKind } from '../../../domain/lifecycle/vocabularies';
import { useCommunity } from '../../lib/community';
import { useRecordFormErrors } from '../directory/formSupport';
import { landingApi, landingKeys, type Zone } from '../../services/landing';
import { formatArea, zoneLabel } from './labels';

interface ZoneValues {
  kind: ZoneKind;
  nameZh: string;
  nameEn?: string | null;
  totalAreaSqm?: number | null;
  sortOrder?: number | null;
}

/** The community's zones as cards with how much of each is taken; admins shape them. */
export function ZonesPanel({ zones }: { zones: Zone[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const admin = can('pipeline.configure');
  const [editing, setEditing] = useState<Zone | 'new' | null>(null);
  const [form] = Form.useForm<ZoneValues>();
  const unit = t('landing.unit.sqm');

  const refresh = () => void queryClient.invalidateQueries({ queryKey: landingKeys.all(community.id) });
  const onError = useRecordFormErrors(form, ['kind', 'nameZh', 'nameEn', 'totalAreaSqm', 'sortOrder'], async () => {
    refresh();
    setEditing(null);
  });

  const save = useMutation({
    mutationFn: (v: ZoneValues) => {
      const body = { kind: v.kind, nameZh: v.nameZh, nameEn: v.nameEn || null, totalAreaSqm: v.totalAreaSqm ?? null, sortOrder: v.sortOrder ?? 0 };
      return editing && editing !== 'new' ? landingApi.updateZone(community.id, editing.id, { version: editing.version, ...body }) : landingApi.createZone(community.id, body);
    },
    onSuccess: () => {
      void message.success(t('landing.zones.saved'));
      setEditing(null);
      refresh();
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (zone: Zone) => landingApi.deleteZone(community.id, zone.id),
    onSuccess: () => {
      void message.success(t('landing.zones.deleted'));
      refresh();
    },
    onError,
  });

  const open = (zone: Zone | 'new') => {
    form.resetFields();
    if (zone !== 'new') form.setFieldsValue({ kind: zone.kind, nameZh: zone.nameZh, nameEn: zone.nameEn, totalAreaSqm: zone.totalAreaSqm, sortOrder: zone.sortOrder });
    else form.setFieldsValue({ kind: 'rnd', sortOrder: zones.length });
    setEditing(zone);
  };

  return (
    <>
      {admin && (
        <Space style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="zone-new">
            {t('landing.zones.new')}
          </Button>
        </Space>
      )}
      {zones.length === 0 ? (
        <Empty description={admin ? t('landing.zones.emptyAdmin') : t('landing.zones.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {zones.map((z) => {
            const percent = z.totalAreaSqm ? Math.round((z.occupiedAreaSqm / z.totalAreaSqm) * 1000) / 10 : 0;
            const over = z.freeAreaSqm !== null && z.freeAreaSqm < 0;
            return (
              <Col key={z.id} xs={24} md={12} xl={8}>
                <Card
                  title={zoneLabel(z, lang)}
                  extra={
                    admin && (
                      <Space size={0}>
                        <Button type="text" size="small" icon={<EditOutlined />} onClick={() => open(z)} aria-label={t('landing.zones.edit')} data-testid={`zone-edit-${z.id}`} />
                        <Popconfirm
                          title={t('landing.zones.deleteConfirm')}
                          description={z.landingCount > 0 ? t('landing.zones.deleteInUse', { count: z.landingCount }) : undefined}
                          onConfirm={() => remove.mutate(z)}
                          okButtonProps={{ danger: true, disabled: z.landingCount > 0 }}
                        >
                          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('landing.zones.delete')} data-testid={`zone-delete-${z.id}`} />
                        </Popconfirm>
                      </Space>
                    )
                  }
                  data-testid={`zone-card-${z.id}`}
                >
                  <Tag style={{ marginBottom: 8 }}>{t(`landing.zoneKind.${z.kind}`)}</Tag>
                  <Progress percent={Math.min(percent, 100)} status={over ? 'exception' : 'normal'} format={() => (z.totalAreaSqm ? `${percent}%` : '—')} />
                  <Row gutter={8} style={{ marginTop: 12 }}>
                    <Col span={8}>
                      <Typography.Text type="secondary">{t('landing.zones.total')}</Typography.Text>
                      <div data-testid="zone-total">{z.totalAreaSqm === null ? '—' : formatArea(z.totalAreaSqm, lang, unit)}</div>
                    </Col>
                    <Col span={8}>
                      <Typography.Text type="secondary">{t('landing.zones.occupied')}</Typography.Text>
                      <div data-testid="zone-occupied">{formatArea(z.occupiedAreaSqm, lang, unit)}</div>
                    </Col>
                    <Col span={8}>
                      <Typography.Text type="secondary">{t('landing.zones.free')}</Typography.Text>
                      <div data-testid="zone-free">
                        {z.freeAreaSqm === null ? '—' : <Typography.Text type={over ? 'danger' : undefined}>{formatArea(z.freeAreaSqm, lang, unit)}</Typography.Text>}
                      </div>
                    </Col>
                  </Row>
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                    {t('landing.zones.companies', { count: z.landingCount })}
                  </Typography.Text>
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('landing.zones.new') : t('landing.zones.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        destroyOnHidden
        data-testid="zone-modal"
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} preserve={false}>
          <Form.Item name="nameZh" label={t('landing.zones.nameZh')} rules={[{ required: true, whitespace: true, message: t('landing.form.required') }]}>
            <Input maxLength={60} data-testid="zone-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('landing.zones.nameEn')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="kind" label={t('landing.zones.kind')} rules={[{ required: true }]}>
            <Select options={ZONE_KINDS.map((k) => ({ value: k, label: t(`landing.zoneKind.${k}`) }))} data-testid="zone-kind" />
          </Form.Item>
          <Form.Item name="totalAreaSqm" label={t('landing.zones.total')}>
            <InputNumber<number> min={0} max={100_000_000} precision={0} style={{ width: '100%' }} suffix={unit} data-testid="zone-area" />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('landing.zones.sortOrder')}>
            <InputNumber<number> min={0} max={10_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
