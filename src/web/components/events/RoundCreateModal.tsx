/**
 * Creating the next round. The first takes the screened-in applications (all, or chosen); a
 * later one takes the previous round's top N (ties at the boundary go on whole), a chosen
 * list, or the entries already marked as advancing, and copies its criteria and judges.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROUND_KINDS, type RoundKind } from '../../../domain/events/vocabularies';
import { useApiErrorHandler } from '../../lib/errors';
import { judgingApi, judgingKeys, type RoundCreateInput, type RoundSummary } from '../../services/judging';

interface Values {
  kind: RoundKind;
  name: string;
  scoreMin: number;
  scoreMax: number;
  mode: 'all' | 'advanced' | 'top' | 'chosen';
  top?: number;
  applicationIds?: string[];
  copy: boolean;
}

export function RoundCreateModal({ communityId, eventId, previous, open, onClose, onCreated }: { communityId: string; eventId: string; previous: RoundSummary | undefined; open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const previousRound = useQuery({
    queryKey: judgingKeys.round(eventId, previous?.id ?? ''),
    queryFn: () => judgingApi.round(communityId, eventId, previous!.id),
    enabled: open && Boolean(previous),
  });
  // The first round chooses among screened-in applications; the round's candidates list holds them until entries exist.
  const pool = previous ? (previousRound.data?.entries.map((e) => ({ applicationId: e.applicationId, projectName: e.projectName })) ?? []) : [];

  const create = useMutation({
    mutationFn: (v: Values) => {
      const body: RoundCreateInput = { kind: v.kind, name: v.name, scoreMin: v.scoreMin, scoreMax: v.scoreMax, copyCriteria: v.copy, copyJudges: v.copy };
      if (v.mode === 'top') body.entries = { top: v.top ?? 1 };
      if (v.mode === 'chosen') body.entries = { applicationIds: v.applicationIds ?? [] };
      return judgingApi.createRound(communityId, eventId, body);
    },
    onSuccess: (round) => {
      void queryClient.invalidateQueries({ queryKey: judgingKeys.event(eventId) });
      void message.success(t('judging.round.created'));
      form.resetFields();
      onCreated(round.id);
    },
    onError: (error) => onError(error, form, ['kind', 'name', 'scoreMin', 'scoreMax', 'entries']),
  });

  const nextKind: RoundKind = !previous ? 'preliminary' : previous.kind === 'preliminary' ? 'semi_final' : 'final';
  return (
    <Modal
      open={open}
      title={t('judging.round.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('judging.round.create')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'judging-round-create-submit' } as never}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: nextKind, name: t(`judging.kinds.${nextKind}`), scoreMin: 0, scoreMax: 10, mode: previous ? 'top' : 'all', top: Math.max(1, Math.ceil((previous?.entryCount ?? 2) / 2)), copy: true }}
        onFinish={(v) => create.mutate(v)}
      >
        <Space wrap>
          <Form.Item name="kind" label={t('judging.round.kind')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={ROUND_KINDS.map((k) => ({ value: k, label: t(`judging.kinds.${k}`) }))} data-testid="judging-round-kind" />
          </Form.Item>
          <Form.Item name="name" label={t('judging.round.name')} rules={[{ required: true, max: 100 }]}>
            <Input style={{ width: 220 }} maxLength={100} data-testid="judging-round-name" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="scoreMin" label={t('judging.round.scoreMin')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1000} step={0.5} />
          </Form.Item>
          <Form.Item name="scoreMax" label={t('judging.round.scoreMax')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={1000} step={0.5} />
          </Form.Item>
        </Space>
        <Form.Item name="mode" label={t('judging.round.entries')}>
          <Radio.Group data-testid="judging-round-mode">
            <Space orientation="vertical">
              {!previous && <Radio value="all">{t('judging.round.modeAll')}</Radio>}
              {previous && <Radio value="top">{t('judging.round.modeTop', { name: previous.name })}</Radio>}
              {previous && <Radio value="advanced">{t('judging.round.modeAdvanced')}</Radio>}
              {previous && <Radio value="chosen">{t('judging.round.modeChosen')}</Radio>}
            </Space>
          </Radio.Group>
        </Form.Item>
        {mode === 'top' && (
          <Form.Item name="top" label={t('judging.round.topN')} extra={t('judging.round.topHelp')} rules={[{ required: true }]}>
            <InputNumber min={1} max={500} data-testid="judging-round-top" />
          </Form.Item>
        )}
        {mode === 'chosen' && (
          <Form.Item name="applicationIds" label={t('judging.round.choose')} rules={[{ required: true }]}>
            <Select mode="multiple" loading={previousRound.isPending} options={pool.map((p) => ({ value: p.applicationId, label: p.projectName }))} optionFilterProp="label" />
          </Form.Item>
        )}
        {previous && (
          <Form.Item name="copy" valuePropName="checked">
            <Checkbox>{t('judging.round.copy')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
