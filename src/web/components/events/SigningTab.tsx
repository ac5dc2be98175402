/**
 * A signing ceremony's running order: position (up/down), the agreement (link to its page),
 * parties, amount, agenda slot and status (planned / signed / withdrawn); add one of the
 * community's agreements through a picker, create a new one, print the order as a PDF.
 */
import { DeleteOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Grid, List, Modal, Popconfirm, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SIGNING_STATUSES } from '../../../domain/events/vocabularies';
import { useCommunity } from '../../lib/community';
import { useApiErrorHandler } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { agreementsApi } from '../../services/agreements';
import { eventOutcomeKeys, eventOutcomesApi, type Signing, type SigningStatus } from '../../services/eventOutcomes';
import { PartyList } from '../agreements/common';
import { LoadError, PageSkeleton } from '../States';
import { MoveButtons, moved, SessionSelect } from './OutcomeCommon';
import type { EventTabProps } from './types';

function AddSigningModal({ event, open, onClose }: EventTabProps & { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ agreementId: string; sessionId: string | null }>();
  const [q, setQ] = useState('');
  const agreements = useQuery({
    queryKey: ['agreements', event.communityId, 'signing-picker', q],
    queryFn: () => agreementsApi.list(event.communityId, { q: q || undefined, limit: 30 }),
    enabled: open,
  });
  const add = useMutation({
    mutationFn: (v: { agreementId: string; sessionId: string | null }) => eventOutcomesApi.addSigning(event.communityId, event.id, { agreementId: v.agreementId, sessionId: v.sessionId ?? null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: eventOutcomeKeys.all(event.id) });
      void queryClient.invalidateQueries({ queryKey: ['agreements', event.communityId] });
      form.resetFields();
      onClose();
    },
    onError: (e) => onError(e, form, ['agreementId', 'sessionId']),
  });
  return (
    <Modal
      open={open}
      title={t('eventOutcomes.signing.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('eventOutcomes.common.save')}
      cancelText={t('eventOutcomes.common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'eventOutcomes-signing-save' } as never}
    >
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} initialValues={{ sessionId: null }}>
        <Form.Item name="agreementId" label={t('eventOutcomes.signing.columns.agreement')} rules={[{ required: true, message: t('fieldErrors.eventOutcomes_agreement_unknown') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('eventOutcomes.signing.picker')}
            loading={agreements.isFetching}
            notFoundContent={t('eventOutcomes.signing.pickerEmpty')}
            data-testid="eventOutcomes-signing-picker"
            options={(agreements.data?.items ?? []).map((a) => ({
              value: a.id,
              disabled: a.eventId !== null && a.eventId !== event.id,
              label: `${a.title}${a.amountFen !== null ? ` · ${formatMoney(a.amountFen, i18n.language)}` : ''}${a.eventId && a.eventId !== event.id ? `（${t('eventOutcomes.signing.inOtherEvent')}）` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="sessionId" label={t('eventOutcomes.projects.session')}>
          <SessionSelect communityId={event.communityId} eventId={event.id} timeZone={event.timeZone} testId="eventOutcomes-signing-session" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SigningTab({ event }: EventTabProps) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const list = useQuery({ queryKey: eventOutcomeKeys.signings(event.id), queryFn: () => eventOutcomesApi.signings(event.communityId, event.id) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: eventOutcomeKeys.all(event.id) });
    void queryClient.invalidateQueries({ queryKey: ['agreements', event.communityId] });
  };
  const reorder = useMutation({
    mutationFn: (ids: string[]) => eventOutcomesApi.reorderSignings(event.communityId, event.id, ids),
    onSuccess: refresh,
    onError: (e) => {
      onError(e);
      refresh();
    },
  });
  const update = useMutation({
    mutationFn: (v: { agreementId: string; status?: SigningStatus; sessionId?: string | null }) => eventOutcomesApi.updateSigning(event.communityId, event.id, v.agreementId, { status: v.status, sessionId: v.sessionId }),
    onSuccess: () => {
      void message.success(t('eventOutcomes.common.saved'));
      refresh();
    },
    onError: (e) => onError(e),
  });
  const remove = useMutation({
    mutationFn: (agreementId: string) => eventOutcomesApi.removeSigning(event.communityId, event.id, agreementId),
    onSuccess: refresh,
    onError: (e) => onError(e),
  });

  if (list.isLoading) return <PageSkeleton />;
  if (list.isError || !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const signings = list.data;
  const ids = signings.map((s) => s.agreement.id);
  const move = (from: number, to: number) => reorder.mutate(moved(ids, from, to));
  const live = signings.filter((s) => s.status !== 'withdrawn');
  const total = live.reduce((sum, s) => sum + (s.agreement.amountFen ?? 0), 0);
  const title = (s: Signing) => (
    <Link to={`/c/${community.slug}/agreements/${s.agreement.id}`} data-testid="eventOutcomes-signing-agreement">
      {s.agreement.title}
    </Link>
  );
  const statusSelect = (s: Signing) => (
    <Select
      size="small"
      value={s.status}
      style={{ width: 110 }}
      onChange={(status: SigningStatus) => update.mutate({ agreementId: s.agreement.id, status })}
      data-testid="eventOutcomes-signing-status"
      options={SIGNING_STATUSES.map((v) => ({ value: v, label: t(`eventOutcomes.signingStatus.${v}`) }))}
    />
  );
  const sessionSelect = (s: Signing) => (
    <SessionSelect
      communityId={event.communityId}
      eventId={event.id}
      timeZone={event.timeZone}
      value={s.session?.id ?? null}
      onChange={(sessionId) => update.mutate({ agreementId: s.agreement.id, sessionId })}
      testId="eventOutcomes-signing-slot"
    />
  );
  const removeButton = (s: Signing) => (
    <Popconfirm title={t('eventOutcomes.signing.removeConfirm')} onConfirm={() => remove.mutate(s.agreement.id)}>
      <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('eventOutcomes.common.remove')} data-testid="eventOutcomes-signing-remove" />
    </Popconfirm>
  );
  const columns: TableColumnsType<Signing> = [
    { title: t('eventOutcomes.signing.columns.position'), key: 'pos', width: 110, render: (_, s, i) => <Space><span>{i + 1}</span><MoveButtons index={i} count={signings.length} onMove={move} disabled={reorder.isPending} testId="eventOutcomes-signing-move" /></Space> },
    { title: t('eventOutcomes.signing.columns.agreement'), key: 'title', render: (_, s) => title(s) },
    { title: t('eventOutcomes.signing.columns.parties'), key: 'parties', render: (_, s) => <PartyList parties={s.agreement.parties} /> },
    { title: t('eventOutcomes.signing.columns.amount'), key: 'amount', width: 120, render: (_, s) => (s.agreement.amountFen === null ? t('eventOutcomes.common.none') : formatMoney(s.agreement.amountFen, i18n.language)) },
    { title: t('eventOutcomes.signing.columns.session'), key: 'session', width: 240, render: (_, s) => sessionSelect(s) },
    { title: t('eventOutcomes.signing.columns.status'), key: 'status', width: 130, render: (_, s) => statusSelect(s) },
    { title: t('eventOutcomes.signing.columns.actions'), key: 'actions', width: 70, render: (_, s) => removeButton(s) },
  ];

  return (
    <Card
      title={t('eventOutcomes.signing.title')}
      data-testid="eventOutcomes-signing-tab"
      extra={
        <Space wrap>
          <Button icon={<FilePdfOutlined />} href={eventOutcomesApi.signingsPdfUrl(event.communityId, event.id)} data-testid="eventOutcomes-signing-pdf">
            {t('eventOutcomes.signing.pdf')}
          </Button>
          <Link to={`/c/${community.slug}/agreements?new=1`}>
            <Button data-testid="eventOutcomes-signing-new-agreement">{t('eventOutcomes.signing.newAgreement')}</Button>
          </Link>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="eventOutcomes-signing-add">
            {t('eventOutcomes.signing.add')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('eventOutcomes.signing.hint')}</Typography.Paragraph>
      {signings.length === 0 ? (
        <Empty description={t('eventOutcomes.signing.empty')} />
      ) : (
        <>
          <Typography.Paragraph strong data-testid="eventOutcomes-signing-total">
            {t('eventOutcomes.signing.total', { count: live.length, amount: formatMoney(total, i18n.language) || '0' })}
          </Typography.Paragraph>
          {screens.md ? (
            <Table rowKey={(s) => s.agreement.id} columns={columns} dataSource={signings} pagination={false} size="middle" data-testid="eventOutcomes-signings" />
          ) : (
            <List
              dataSource={signings}
              data-testid="eventOutcomes-signings"
              renderItem={(s, i) => (
                <List.Item>
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                      <span>
                        {i + 1}. {title(s)}
                      </span>
                      <MoveButtons index={i} count={signings.length} onMove={move} disabled={reorder.isPending} testId="eventOutcomes-signing-move" />
                    </Space>
                    <PartyList parties={s.agreement.parties} inline />
                    <Typography.Text>{s.agreement.amountFen === null ? t('eventOutcomes.common.none') : formatMoney(s.agreement.amountFen, i18n.language)}</Typography.Text>
                    {sessionSelect(s)}
                    <Space>
                      {statusSelect(s)}
                      {removeButton(s)}
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </>
      )}
      <AddSigningModal event={event} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
