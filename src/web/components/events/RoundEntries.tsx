/**
 * The entries of a round with their recusals (who, and why: the link found, or the reason
 * given); an organiser recuses a judge by hand or lifts a recusal, and changes the entries
 * while the round is open.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../lib/errors';
import { judgingApi, judgingKeys, type RoundDetail, type RoundEntry } from '../../services/judging';
import { RecusalReason } from './JudgingCommon';

export function RoundEntries({ communityId, round }: { communityId: string; round: RoundDetail }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [recusing, setRecusing] = useState<RoundEntry | null>(null);
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [form] = Form.useForm<{ userId: string; reason: string }>();
  const open = round.status === 'open';
  const refresh = () => queryClient.invalidateQueries({ queryKey: judgingKeys.event(round.eventId) });

  const recuse = useMutation({
    mutationFn: (v: { userId: string; reason: string }) => judgingApi.addRecusal(communityId, round.eventId, round.id, { ...v, applicationId: recusing!.applicationId }),
    onSuccess: () => {
      setRecusing(null);
      void refresh();
    },
    onError: (e) => onError(e, form, ['userId', 'reason']),
  });
  const lift = useMutation({
    mutationFn: (v: { userId: string; applicationId: string }) => judgingApi.liftRecusal(communityId, round.eventId, round.id, v.userId, v.applicationId),
    onSuccess: () => void refresh(),
    onError: (e) => onError(e),
  });
  const setEntries = useMutation({
    mutationFn: () => judgingApi.setEntries(communityId, round.eventId, round.id, chosen, round.version),
    onSuccess: () => {
      setEditing(false);
      void refresh();
    },
    onError: (e) => onError(e),
  });

  const everyone = [...round.entries.map((e) => ({ applicationId: e.applicationId, projectName: e.projectName })), ...round.candidates];
  return (
    <Card
      size="small"
      title={t('judging.entries.title', { count: round.entries.length })}
      extra={
        open && (
          <Button
            onClick={() => {
              setChosen(round.entries.map((e) => e.applicationId));
              setEditing(true);
            }}
            data-testid="judging-entries-edit"
          >
            {t('judging.entries.edit')}
          </Button>
        )
      }
    >
      {round.entries.length === 0 ? (
        <Empty description={t('judging.entries.empty')} />
      ) : (
        <List
          dataSource={round.entries}
          renderItem={(e) => (
            <List.Item
              data-testid="judging-entry"
              actions={
                open && round.judges.length > 0
                  ? [
                      <Button
                        key="recuse"
                        type="link"
                        onClick={() => {
                          form.resetFields();
                          setRecusing(e);
                        }}
                      >
                        {t('judging.entries.recuse')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Typography.Text strong>{e.projectName}</Typography.Text>
                    {e.advanced && <Tag color="green">{t('judging.entries.advanced')}</Tag>}
                    {e.recusals.length > 0 && <Tag color="orange">{t('judging.entries.recusals', { count: e.recusals.length })}</Tag>}
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Typography.Text type="secondary">{e.organisationName}</Typography.Text>
                    {e.recusals.map((r) => (
                      <Space key={r.userId} wrap data-testid="judging-recusal">
                        <Typography.Text>{r.judgeName}</Typography.Text>
                        <RecusalReason recusal={r} />
                        {open && (
                          <Popconfirm title={t('judging.entries.confirmLift')} onConfirm={() => lift.mutate({ userId: r.userId, applicationId: e.applicationId })}>
                            <Button type="link" size="small">
                              {t('judging.entries.lift')}
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ))}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Modal open={recusing !== null} title={t('judging.entries.recuseTitle', { project: recusing?.projectName ?? '' })} onCancel={() => setRecusing(null)} onOk={() => form.submit()} confirmLoading={recuse.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => recuse.mutate(v)}>
          <Form.Item name="userId" label={t('judging.entries.judge')} rules={[{ required: true }]}>
            <Select
              options={round.judges
                .filter((j) => !recusing?.recusals.some((r) => r.userId === j.userId))
                .map((j) => ({ value: j.userId, label: j.displayName }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('judging.entries.reason')} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={editing} title={t('judging.entries.edit')} onCancel={() => setEditing(false)} onOk={() => setEntries.mutate()} confirmLoading={setEntries.isPending}>
        <Typography.Paragraph type="secondary">{t('judging.entries.editHelp')}</Typography.Paragraph>
        <Select mode="multiple" style={{ width: '100%' }} value={chosen} onChange={setChosen} optionFilterProp="label" options={everyone.map((c) => ({ value: c.applicationId, label: c.projectName }))} data-testid="judging-entries-select" />
      </Modal>
    </Card>
  );
}
