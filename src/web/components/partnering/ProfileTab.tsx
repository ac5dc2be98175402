/**
 * "我的资料": opting in to an event's partnering, or editing the profile. New profiles start from
 * what the directory knows about the user (`/me/prefill`); the availability grid is where they
 * tick the slots they cannot attend. Withdrawing asks first: it cancels their requests and meetings.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Popconfirm, Radio, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MEETING_PLACES, type MeetingPlace, type PartneringSide } from '../../../domain/partnering/vocabularies';
import { PARTNERING_LIMITS } from '../../../shared/schemas/partnering';
import { useApiErrorHandler } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { useTaxonomy } from '../../lib/taxonomy';
import { ApiError } from '../../services/api';
import { partneringApi, partneringKeys, type MyParticipant, type ParticipantProfileInput, type ParticipantPrefill, type PartneringOverview } from '../../services/partnering';
import { LoadError } from '../States';
import { AvailabilityGrid } from './AvailabilityGrid';
import { useSideOptions } from './common';

interface Values {
  side: PartneringSide;
  displayName: string;
  organisationName: string;
  jobTitle: string;
  headline: string;
  offer: string;
  seek: string;
  segments: string[];
  stages: string[];
  projectIds: string[];
  maxMeetings: number | null;
  meetingPlace: MeetingPlace;
  onlineUrl: string;
  unavailableSlotIds: string[];
}

const FIELDS = ['side', 'displayName', 'organisationName', 'jobTitle', 'headline', 'offer', 'seek', 'segments', 'stages', 'projectIds', 'maxMeetings', 'meetingPlace', 'onlineUrl', 'unavailableSlotIds'] as const;

function initialValues(me: MyParticipant | null, prefill: ParticipantPrefill | undefined, defaultMax: number | null): Values {
  if (me) {
    return {
      side: me.side,
      displayName: me.displayName,
      organisationName: me.organisationName,
      jobTitle: me.jobTitle,
      headline: me.headline,
      offer: me.offer,
      seek: me.seek,
      segments: me.segments,
      stages: me.stages,
      projectIds: me.projects.map((p) => p.id),
      maxMeetings: me.maxMeetings,
      meetingPlace: me.meetingPlace,
      onlineUrl: me.onlineUrl ?? '',
      unavailableSlotIds: me.unavailableSlotIds,
    };
  }
  return {
    side: prefill?.side ?? 'other',
    displayName: prefill?.displayName ?? '',
    organisationName: prefill?.organisationName ?? '',
    jobTitle: prefill?.jobTitle ?? '',
    headline: '',
    offer: '',
    seek: '',
    segments: prefill?.segments ?? [],
    stages: prefill?.stages ?? [],
    projectIds: [],
    maxMeetings: defaultMax,
    meetingPlace: 'table',
    onlineUrl: '',
    unavailableSlotIds: [],
  };
}

function OptInBlocked({ overview }: { overview: PartneringOverview }) {
  const { t } = useTranslation();
  const reason = overview.optInBlockedBy;
  if (!reason) return null;
  return (
    <Alert
      type={reason === 'not_registered' ? 'info' : 'warning'}
      showIcon
      data-testid="partnering-optin-blocked"
      title={t(`partnering.optInBlocked.${reason}`)}
      description={t(`partnering.optInBlocked.${reason}Text`)}
      action={
        reason === 'not_registered' ? (
          <Link to={`/e/${overview.event.id}`}>
            <Button type="primary" size="small">
              {t('partnering.optInBlocked.register')}
            </Button>
          </Link>
        ) : undefined
      }
    />
  );
}

export function ProfileTab({ overview }: { overview: PartneringOverview }) {
  const { i18n } = useTranslation();
  const me = overview.me;
  const eventId = overview.event.id;
  const blocked = overview.optInBlockedBy !== null && (me === null || me.status === 'withdrawn');
  const prefill = useQuery({ queryKey: partneringKeys.prefill(eventId), queryFn: () => partneringApi.prefill(eventId), enabled: me === null && !blocked, retry: false });

  if (blocked) return <OptInBlocked overview={overview} />;
  if (me === null && prefill.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (me === null && prefill.isError && !(prefill.error instanceof ApiError && prefill.error.status === 404)) {
    return <LoadError error={prefill.error} onRetry={() => void prefill.refetch()} />;
  }
  return <ProfileForm key={`${me?.version ?? 0}-${me?.status ?? 'new'}`} overview={overview} prefill={prefill.data} lang={i18n.language} />;
}

function ProfileForm({ overview, prefill, lang }: { overview: PartneringOverview; prefill: ParticipantPrefill | undefined; lang: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const tax = useTaxonomy();
  const sideOptions = useSideOptions();
  const [form] = Form.useForm<Values>();
  const me = overview.me;
  const eventId = overview.event.id;
  const initial = useMemo(() => initialValues(me, prefill, overview.rules.defaultMaxMeetings), [me, prefill, overview.rules.defaultMaxMeetings]);
  const place = Form.useWatch('meetingPlace', form) ?? initial.meetingPlace;

  // The projects the user may present: the organisation's (from the directory) and those already chosen.
  const projects = useMemo(() => {
    const map = new Map<string, ParticipantPrefill['projects'][number]>();
    for (const p of [...(me?.projects ?? []), ...(prefill?.projects ?? [])]) map.set(p.id, p);
    return [...map.values()];
  }, [me, prefill]);
  const stageGroups = (['drug', 'device', 'ivd'] as const).map((track) => ({ label: t(`dir.tracks.${track}`), options: tax.stagesOf(track) }));

  const refresh = () => void queryClient.invalidateQueries({ queryKey: partneringKeys.event(eventId) }).then(() => queryClient.invalidateQueries({ queryKey: partneringKeys.mine }));

  const conflict = () => {
    modal.warning({ title: t('partnering.profile.conflictTitle'), content: t('partnering.profile.conflictText'), onOk: refresh });
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: ParticipantProfileInput = {
        ...(me ? { version: me.version } : {}),
        side: v.side,
        displayName: v.displayName,
        organisationName: v.organisationName ?? '',
        jobTitle: v.jobTitle ?? '',
        headline: v.headline ?? '',
        offer: v.offer ?? '',
        seek: v.seek ?? '',
        segments: v.segments ?? [],
        stages: v.stages ?? [],
        projectIds: v.projectIds ?? [],
        maxMeetings: v.maxMeetings ?? null,
        meetingPlace: v.meetingPlace,
        onlineUrl: v.meetingPlace === 'online' || v.onlineUrl?.trim() ? v.onlineUrl?.trim() || null : null,
        unavailableSlotIds: v.unavailableSlotIds ?? [],
      };
      return partneringApi.saveProfile(eventId, body);
    },
    onSuccess: () => {
      void message.success(me && me.status === 'active' ? t('partnering.profile.saved') : t('partnering.profile.joined'));
      refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'version_conflict') conflict();
      else onError(error, form, FIELDS);
    },
  });

  const withdraw = useMutation({
    mutationFn: () => partneringApi.withdraw(eventId, me!.version),
    onSuccess: () => {
      void message.success(t('partnering.profile.withdrawn'));
      refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'version_conflict') conflict();
      else onError(error);
    },
  });

  const active = me?.status === 'active';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="partnering-profile">
      {!me && <Alert type="info" showIcon title={t('partnering.profile.joinTitle')} description={t('partnering.profile.joinText')} />}
      {me?.status === 'withdrawn' && <Alert type="warning" showIcon title={t('partnering.profile.withdrawnTitle')} description={t('partnering.profile.withdrawnText')} data-testid="partnering-withdrawn" />}
      {me && overview.optInBlockedBy && <OptInBlocked overview={overview} />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} requiredMark="optional" scrollToFirstError>
        <Card variant="borderless" title={t('partnering.profile.whoTitle')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="side" label={t('partnering.fields.side')} rules={[{ required: true }]} extra={t('partnering.profile.sideHelp')}>
                <Select options={sideOptions} data-testid="partnering-side" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="displayName" label={t('partnering.fields.displayName')} rules={[{ required: true, whitespace: true, message: t('partnering.profile.nameRequired') }, { max: 80 }]}>
                <Input maxLength={80} data-testid="partnering-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="organisationName" label={t('partnering.fields.organisation')} rules={[{ max: 120 }]}>
                <Input maxLength={120} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="jobTitle" label={t('partnering.fields.jobTitle')} rules={[{ max: 80 }]}>
                <Input maxLength={80} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="headline" label={t('partnering.fields.headline')} extra={t('partnering.profile.headlineHelp')} rules={[{ max: PARTNERING_LIMITS.headline }]}>
                <Input maxLength={PARTNERING_LIMITS.headline} showCount data-testid="partnering-headline" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="offer" label={t('partnering.fields.offer')} extra={t('partnering.profile.offerHelp')} rules={[{ max: PARTNERING_LIMITS.offerSeek }]}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={PARTNERING_LIMITS.offerSeek} showCount data-testid="partnering-offer" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="seek" label={t('partnering.fields.seek')} extra={t('partnering.profile.seekHelp')} rules={[{ max: PARTNERING_LIMITS.offerSeek }]}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={PARTNERING_LIMITS.offerSeek} showCount data-testid="partnering-seek" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="segments" label={t('partnering.fields.segments')}>
                <Select mode="multiple" allowClear options={tax.options('segment')} optionFilterProp="label" maxCount={20} data-testid="partnering-segments" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="stages" label={t('partnering.fields.stages')}>
                <Select mode="multiple" allowClear options={stageGroups} optionFilterProp="label" maxCount={20} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="projectIds" label={t('partnering.fields.projects')} extra={projects.length === 0 ? t('partnering.profile.noProjects') : t('partnering.profile.projectsHelp')}>
                <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                  {projects.map((p) => (
                    <Checkbox key={p.id} value={p.id}>
                      {lang === 'en' && p.nameEn ? p.nameEn : p.nameZh}
                      <Typography.Text type="secondary">
                        {' · '}
                        {tax.name('segment', p.segment)} · {tax.stageName(p.stage)}
                        {p.fundingSoughtFen !== null ? ` · ${t('partnering.profile.fundingSought', { amount: formatMoney(p.fundingSoughtFen, lang) })}` : ''}
                      </Typography.Text>
                    </Checkbox>
                  ))}
                </Checkbox.Group>
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card variant="borderless" title={t('partnering.profile.meetTitle')} style={{ marginTop: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="maxMeetings" label={t('partnering.fields.maxMeetings')} extra={t('partnering.profile.maxMeetingsHelp')}>
                <InputNumber min={0} max={PARTNERING_LIMITS.maxMeetings} precision={0} style={{ width: '100%' }} placeholder={t('partnering.profile.noLimit')} data-testid="partnering-max-meetings" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="meetingPlace" label={t('partnering.fields.meetingPlace')}>
                <Radio.Group optionType="button" options={MEETING_PLACES.map((p) => ({ value: p, label: t(`partnering.places.${p}`) }))} data-testid="partnering-place" />
              </Form.Item>
            </Col>
            {(place === 'online' || place === 'booth') && (
              <Col span={24}>
                <Form.Item
                  name="onlineUrl"
                  label={t('partnering.fields.onlineUrl')}
                  extra={place === 'online' ? t('partnering.profile.onlineHelp') : t('partnering.profile.boothHelp')}
                  rules={[
                    { required: place === 'online', whitespace: true, message: t('partnering.profile.onlineRequired') },
                    { pattern: /^https?:\/\/\S+$/i, message: t('partnering.profile.urlInvalid') },
                  ]}
                >
                  <Input maxLength={500} inputMode="url" placeholder="https://" data-testid="partnering-online-url" />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Form.Item name="unavailableSlotIds" label={t('partnering.fields.unavailable')} extra={t('partnering.profile.unavailableHelp')}>
            <AvailabilityGrid slots={overview.slots} timeZone={overview.event.timeZone} />
          </Form.Item>
        </Card>

        <div className="bb-partnering-form-actions">
          <Button type="primary" htmlType="submit" size="large" loading={save.isPending} data-testid="partnering-optin-submit">
            {active ? t('partnering.profile.save') : me ? t('partnering.profile.rejoin') : t('partnering.profile.join')}
          </Button>
          {active && (
            <Popconfirm
              title={t('partnering.profile.withdrawConfirm')}
              description={t('partnering.profile.withdrawConfirmText')}
              okText={t('partnering.profile.withdraw')}
              okButtonProps={{ danger: true, loading: withdraw.isPending }}
              cancelText={t('common.cancel')}
              onConfirm={() => withdraw.mutate()}
            >
              <Button danger size="large" data-testid="partnering-withdraw">
                {t('partnering.profile.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </div>
      </Form>
    </Space>
  );
}
