/**
 * Settings: turning partnering on for the event (with its mode), then the rules participants
 * work under — mode, opt-in open, request deadline (in the community's zone), limits, fairness
 * and "who may request whom" as a side × side matrix (all ticked = anyone, sent as null).
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, InputNumber, Radio, Space, Switch, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNERING_MODES, PARTNERING_SIDES, type PartneringMode, type PartneringSide } from '../../../domain/partnering/vocabularies';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime, zoneOffsetLabel } from '../../lib/format';
import { partneringOrgApi, type PartneringSettings } from '../../services/partneringOrg';
import { fromPicker, toPicker } from '../events/EventTime';
import { isConflict, useRefreshPartnering, type OrgTabProps } from './common';

const pairKey = (from: PartneringSide, to: PartneringSide) => `${from}>${to}`;
const ALL_PAIRS = PARTNERING_SIDES.flatMap((from) => PARTNERING_SIDES.map((to) => pairKey(from, to)));

function ModeChoice({ value, onChange }: { value?: PartneringMode; onChange?: (v: PartneringMode) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as PartneringMode)} data-testid="partnering-mode">
      <Space orientation="vertical">
        {PARTNERING_MODES.map((m) => (
          <Radio key={m} value={m} data-testid={`partnering-mode-${m}`}>
            <Typography.Text strong>{t(`partneringOrg.modes.${m}`)}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t(`partneringOrg.modes.${m}Help`)}</Typography.Text>
          </Radio>
        ))}
      </Space>
    </Radio.Group>
  );
}

/** Not enabled yet: a card to turn partnering on, choosing the mode. */
export function EnableCard({ communityId, event, onEnabled }: Omit<OrgTabProps, 'settings' | 'timeZone'> & { onEnabled: (s: PartneringSettings) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [mode, setMode] = useState<PartneringMode>('requests');
  const enable = useMutation({
    mutationFn: () => partneringOrgApi.saveSettings(communityId, event.id, { mode }),
    onSuccess: (saved) => {
      void message.success(t('partneringOrg.settings.enabled'));
      onEnabled(saved);
    },
    onError: (e) => onError(e),
  });
  const cancelled = event.status === 'cancelled';
  return (
    <Card variant="borderless" title={t('partneringOrg.settings.enableTitle')} data-testid="partnering-enable-card" style={{ maxWidth: 720 }}>
      <Typography.Paragraph>{t('partneringOrg.settings.enableBody')}</Typography.Paragraph>
      {cancelled && <Alert type="warning" showIcon title={t('partneringOrg.settings.eventCancelled')} style={{ marginBottom: 16 }} />}
      <ModeChoice value={mode} onChange={setMode} />
      <div style={{ marginTop: 24 }}>
        <Button type="primary" loading={enable.isPending} disabled={cancelled} onClick={() => enable.mutate()} data-testid="partnering-enable">
          {t('partneringOrg.settings.enable')}
        </Button>
      </div>
    </Card>
  );
}

interface Values {
  mode: PartneringMode;
  optInOpen: boolean;
  requestDeadline: Dayjs | null;
  maxRequestsPerParticipant: number | null;
  defaultMaxMeetings: number | null;
  fairness: number | null;
}

function PairMatrix({ value, onChange }: { value: Set<string>; onChange: (next: Set<string>) => void }) {
  const { t } = useTranslation();
  const toggle = (key: string, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(key);
    else next.delete(key);
    onChange(next);
  };
  const rowAll = (from: PartneringSide) => PARTNERING_SIDES.every((to) => value.has(pairKey(from, to)));
  const columns = [
    {
      title: t('partneringOrg.settings.pairsFromTo'),
      key: 'from',
      fixed: 'left' as const,
      width: 150,
      render: (_: unknown, from: PartneringSide) => (
        <Checkbox
          checked={rowAll(from)}
          indeterminate={!rowAll(from) && PARTNERING_SIDES.some((to) => value.has(pairKey(from, to)))}
          onChange={(e) => {
            const next = new Set(value);
            for (const to of PARTNERING_SIDES) {
              if (e.target.checked) next.add(pairKey(from, to));
              else next.delete(pairKey(from, to));
            }
            onChange(next);
          }}
        >
          {t(`partneringOrg.sides.${from}`)}
        </Checkbox>
      ),
    },
    ...PARTNERING_SIDES.map((to) => ({
      title: t(`partneringOrg.sides.${to}`),
      key: to,
      align: 'center' as const,
      render: (_: unknown, from: PartneringSide) => (
        <Checkbox
          checked={value.has(pairKey(from, to))}
          onChange={(e) => toggle(pairKey(from, to), e.target.checked)}
          aria-label={t('partneringOrg.settings.pairLabel', { from: t(`partneringOrg.sides.${from}`), to: t(`partneringOrg.sides.${to}`) })}
          data-testid={`partnering-pair-${from}-${to}`}
        />
      ),
    })),
  ];
  return <Table<PartneringSide> rowKey={(r) => r} size="small" bordered pagination={false} columns={columns} dataSource={[...PARTNERING_SIDES]} scroll={{ x: 860 }} data-testid="partnering-pairs" />;
}

export function SettingsTab({ communityId, event, settings, timeZone }: OrgTabProps) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshPartnering(event.id);
  const [form] = Form.useForm<Values>();
  const initialPairs = useMemo(() => new Set(settings.allowedPairs ? settings.allowedPairs.map(([a, b]) => pairKey(a, b)) : ALL_PAIRS), [settings.allowedPairs]);
  const [pairs, setPairs] = useState<Set<string>>(initialPairs);
  const [pairsDirty, setPairsDirty] = useState(false);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const everyone = ALL_PAIRS.every((k) => pairs.has(k));
      const allowedPairs = everyone ? null : ALL_PAIRS.filter((k) => pairs.has(k)).map((k) => k.split('>') as [PartneringSide, PartneringSide]);
      return partneringOrgApi.saveSettings(communityId, event.id, {
        version: settings.version,
        mode: v.mode,
        optInOpen: v.optInOpen,
        requestDeadline: v.requestDeadline ? fromPicker(v.requestDeadline, timeZone) : null,
        maxRequestsPerParticipant: v.maxRequestsPerParticipant ?? null,
        defaultMaxMeetings: v.defaultMaxMeetings ?? null,
        fairness: v.fairness ?? null,
        allowedPairs,
      });
    },
    onSuccess: () => {
      void message.success(t('partneringOrg.settings.saved'));
      setPairsDirty(false);
      refresh();
    },
    onError: (e) => {
      if (isConflict(e, 'version_conflict')) {
        modal.warning({ title: t('partneringOrg.common.conflictTitle'), content: t('partneringOrg.common.conflictBody'), okText: t('partneringOrg.common.reload'), onOk: refresh });
        return;
      }
      onError(e, form, ['mode', 'optInOpen', 'requestDeadline', 'maxRequestsPerParticipant', 'defaultMaxMeetings', 'fairness', 'allowedPairs']);
    },
  });

  const noPairs = pairs.size === 0;
  return (
    <Card variant="borderless" title={t('partneringOrg.settings.title')} data-testid="partnering-settings">
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 960 }}
        initialValues={{
          mode: settings.mode,
          optInOpen: settings.optInOpen,
          requestDeadline: toPicker(settings.requestDeadline, timeZone),
          maxRequestsPerParticipant: settings.maxRequestsPerParticipant,
          defaultMaxMeetings: settings.defaultMaxMeetings,
          fairness: settings.fairness,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="mode" label={t('partneringOrg.settings.mode')}>
          <ModeChoice />
        </Form.Item>
        <Form.Item name="optInOpen" label={t('partneringOrg.settings.optInOpen')} valuePropName="checked" extra={t('partneringOrg.settings.optInOpenHelp')}>
          <Switch data-testid="partnering-opt-in-open" />
        </Form.Item>
        <Form.Item
          name="requestDeadline"
          label={t('partneringOrg.settings.requestDeadline', { zone: zoneOffsetLabel(timeZone) })}
          extra={t('partneringOrg.settings.requestDeadlineHelp', { start: formatDateTime(event.startsAt, i18n.language, timeZone) })}
        >
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: 240 }} data-testid="partnering-deadline" />
        </Form.Item>
        <Space wrap size={24} align="start">
          <Form.Item name="maxRequestsPerParticipant" label={t('partneringOrg.settings.maxRequests')} extra={t('partneringOrg.settings.emptyUnlimited')}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: 180 }} data-testid="partnering-max-requests" />
          </Form.Item>
          <Form.Item name="defaultMaxMeetings" label={t('partneringOrg.settings.defaultMaxMeetings')} extra={t('partneringOrg.settings.emptyUnlimited')}>
            <InputNumber min={1} max={200} precision={0} style={{ width: 180 }} data-testid="partnering-default-max-meetings" />
          </Form.Item>
          <Form.Item name="fairness" label={t('partneringOrg.settings.fairness')} extra={t('partneringOrg.settings.fairnessHelp')}>
            <InputNumber min={0} max={20} precision={0} style={{ width: 180 }} data-testid="partnering-fairness" />
          </Form.Item>
        </Space>
        <Form.Item label={t('partneringOrg.settings.pairs')} extra={t('partneringOrg.settings.pairsHelp')}>
          <Space style={{ marginBottom: 8 }}>
            <Button size="small" onClick={() => { setPairs(new Set(ALL_PAIRS)); setPairsDirty(true); }} data-testid="partnering-pairs-all">
              {t('partneringOrg.settings.pairsAll')}
            </Button>
            <Button size="small" onClick={() => { setPairs(new Set()); setPairsDirty(true); }}>
              {t('partneringOrg.settings.pairsNone')}
            </Button>
            <Typography.Text type="secondary">
              {ALL_PAIRS.every((k) => pairs.has(k)) ? t('partneringOrg.settings.pairsAnyone') : t('partneringOrg.settings.pairsCount', { count: pairs.size, total: ALL_PAIRS.length })}
            </Typography.Text>
          </Space>
          <PairMatrix value={pairs} onChange={(next) => { setPairs(next); setPairsDirty(true); }} />
          {noPairs && <Alert type="warning" showIcon title={t('partneringOrg.settings.pairsNoneWarning')} style={{ marginTop: 8 }} />}
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="partnering-settings-save">
            {t('partneringOrg.common.save')}
          </Button>
          {pairsDirty && <Typography.Text type="warning">{t('partneringOrg.settings.unsaved')}</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}
