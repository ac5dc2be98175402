/** The criteria editor of a round: name, description, weight with its share of the total shown. */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, InputNumber, List, Modal, Popconfirm, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../lib/errors';
import { judgingApi, judgingKeys, type Criterion, type RoundDetail } from '../../services/judging';

interface Values {
  name: string;
  description: string;
  weight: number;
}

export function RoundCriteria({ communityId, round }: { communityId: string; round: RoundDetail }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Criterion | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const open = round.status === 'open';
  const refresh = () => queryClient.invalidateQueries({ queryKey: judgingKeys.event(round.eventId) });

  const save = useMutation({
    mutationFn: (v: Values) =>
      editing === 'new' || editing === null
        ? judgingApi.addCriterion(communityId, round.eventId, round.id, v)
        : judgingApi.updateCriterion(communityId, round.eventId, round.id, editing.id, v),
    onSuccess: () => {
      setEditing(null);
      void refresh();
    },
    onError: (error) => onError(error, form, ['name', 'description', 'weight']),
  });
  const remove = useMutation({ mutationFn: (id: string) => judgingApi.deleteCriterion(communityId, round.eventId, round.id, id), onSuccess: () => void refresh(), onError: (e) => onError(e) });

  return (
    <Card
      size="small"
      title={t('judging.criteria.title', { min: round.scoreMin, max: round.scoreMax })}
      extra={
        open && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              form.setFieldsValue({ name: '', description: '', weight: 1 });
              setEditing('new');
            }}
            data-testid="judging-criterion-add"
          >
            {t('judging.criteria.add')}
          </Button>
        )
      }
    >
      {round.criteria.length === 0 ? (
        <Empty description={t('judging.criteria.empty')} />
      ) : (
        <List
          dataSource={round.criteria}
          renderItem={(c) => (
            <List.Item
              data-testid="judging-criterion"
              actions={
                open
                  ? [
                      <Button
                        key="edit"
                        type="text"
                        icon={<EditOutlined />}
                        aria-label={t('judging.criteria.edit')}
                        onClick={() => {
                          form.setFieldsValue({ name: c.name, description: c.description, weight: c.weight });
                          setEditing(c);
                        }}
                      />,
                      <Popconfirm key="delete" title={t('judging.criteria.confirmDelete')} onConfirm={() => remove.mutate(c.id)}>
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('judging.criteria.delete')} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Typography.Text strong>{c.name}</Typography.Text>
                    <Typography.Text type="secondary">{t('judging.criteria.weight', { weight: c.weight, share: c.sharePercent })}</Typography.Text>
                  </Space>
                }
                description={c.description}
              />
              <Progress percent={c.sharePercent} size="small" style={{ width: 120 }} showInfo={false} />
            </List.Item>
          )}
        />
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('judging.criteria.add') : t('judging.criteria.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okButtonProps={{ 'data-testid': 'judging-criterion-save' } as never}
      >
        <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('judging.criteria.name')} rules={[{ required: true, max: 100 }]}>
            <Input maxLength={100} data-testid="judging-criterion-name" />
          </Form.Item>
          <Form.Item name="description" label={t('judging.criteria.description')} rules={[{ max: 1000 }]}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Form.Item name="weight" label={t('judging.criteria.weightLabel')} extra={t('judging.criteria.weightHelp')} rules={[{ required: true }]}>
            <InputNumber min={0.1} max={1000} step={1} data-testid="judging-criterion-weight" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
