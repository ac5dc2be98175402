import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Switch, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunity } from '../../lib/community';
import { useApiErrorHandler } from '../../lib/errors';
import { formatNumber, localName } from '../../lib/format';
import { PROVINCE_NAMES, provinceName } from '../../lib/regions';
import { useTaxonomy } from '../../lib/taxonomy';
import { lifecycleApi, lifecycleKeys } from '../../services/lifecycle';
import { matchProfileKeys, matchProfilesApi, type MatchProfile, type MatchProfileInput } from '../../services/matchProfiles';

type Values = Omit<MatchProfileInput, 'version'>;
const FIELD_NAMES = ['accepting', 'focusSegments', 'focusStages', 'requiredMilestones', 'requiredQualifications', 'regions', 'statementZh', 'statementEn'] as const;

/**
 * The community's matching profile on its Settings page: what projects it looks for, its entry
 * criteria, regions and statement (editable with pipeline.write), and the free space of its
 * zones (computed from zones and landings, read-only).
 */
export function MatchProfileCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const editable = can('pipeline.write');
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const [form] = Form.useForm<Values>();
  const profile = useQuery({ queryKey: matchProfileKeys.one(community.id), queryFn: () => matchProfilesApi.get(community.id) });
  const catalogue = useQuery({ queryKey: lifecycleKeys.catalogue, queryFn: lifecycleApi.catalogue, staleTime: 10 * 60_000 });

  const stageOptions = useMemo(() => {
    const seen = new Set<string>();
    return ['drug', 'device', 'ivd']
      .flatMap((track) => taxonomy.options('stage', track))
      .filter((o) => (seen.has(o.value) ? false : (seen.add(o.value), true)));
  }, [taxonomy]);
  const milestoneOptions = (catalogue.data?.milestoneKinds ?? []).map((m) => ({ value: m.code, label: localName(m, lang) }));
  const regionOptions = PROVINCE_NAMES.map((p) => ({ value: p, label: provinceName(p, lang) }));

  const save = useMutation({
    mutationFn: (v: Values) => matchProfilesApi.save(community.id, { ...v, version: profile.data?.version ?? 0 }),
    onSuccess: (saved: MatchProfile) => {
      void message.success(t('matchProfile.saved'));
      queryClient.setQueryData(matchProfileKeys.one(community.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['audit', community.id] });
    },
    onError: (e) => {
      onError(e, form, FIELD_NAMES);
      void profile.refetch();
    },
  });

  const data = profile.data;
  const sqm = (v: number | null) => (v === null ? t('matchProfile.unknownArea') : t('matchProfile.sqm', { area: formatNumber(v, lang) }));

  return (
    <Card variant="borderless" title={t('matchProfile.title')} style={{ marginTop: 16 }} loading={profile.isLoading} data-testid="match-profile-card">
      <Typography.Paragraph type="secondary">{t('matchProfile.subtitle')}</Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t('matchProfile.readOnly')} style={{ marginBottom: 16 }} />}
      {data && (
        <Form<Values>
          key={`${data.version}`}
          form={form}
          layout="vertical"
          disabled={!editable}
          initialValues={{
            accepting: data.accepting,
            focusSegments: data.focusSegments,
            focusStages: data.focusStages,
            requiredMilestones: data.requiredMilestones,
            requiredQualifications: data.requiredQualifications,
            regions: data.regions,
            statementZh: data.statementZh,
            statementEn: data.statementEn,
          }}
          onFinish={(v) => save.mutate(v)}
          style={{ maxWidth: 960 }}
        >
          <Form.Item name="accepting" label={t('matchProfile.accepting')} valuePropName="checked">
            <Switch data-testid="match-profile-accepting" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="focusSegments" label={t('matchProfile.focusSegments')}>
                <Select mode="multiple" allowClear options={taxonomy.options('segment')} optionFilterProp="label" data-testid="match-profile-segments" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="focusStages" label={t('matchProfile.focusStages')}>
                <Select mode="multiple" allowClear options={stageOptions} optionFilterProp="label" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="requiredMilestones" label={t('matchProfile.requiredMilestones')}>
                <Select mode="multiple" allowClear options={milestoneOptions} optionFilterProp="label" loading={catalogue.isLoading} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="requiredQualifications" label={t('matchProfile.requiredQualifications')}>
                <Select mode="multiple" allowClear options={taxonomy.options('qualification')} optionFilterProp="label" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="regions" label={t('matchProfile.regions')}>
                <Select mode="multiple" allowClear options={regionOptions} optionFilterProp="label" placeholder={t('matchProfile.anyRegion')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="statementZh" label={t('matchProfile.statementZh')}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="statementEn" label={t('matchProfile.statementEn')}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
            </Col>
          </Row>
          {editable && (
            <Space style={{ marginBottom: 16 }}>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="match-profile-save">
                {t('common.save')}
              </Button>
              <Button onClick={() => form.resetFields()}>{t('common.reset')}</Button>
            </Space>
          )}
        </Form>
      )}
      {data && (
        <>
          <Typography.Title level={5}>{t('matchProfile.space')}</Typography.Title>
          {data.space.zones.length === 0 ? (
            <Typography.Text type="secondary">{t('matchProfile.noZones')}</Typography.Text>
          ) : (
            <>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={data.space.zones}
                columns={[
                  { title: t('matchProfile.zone'), dataIndex: 'name' },
                  { title: t('matchProfile.total'), dataIndex: 'totalAreaM2', align: 'right', render: (v: number | null) => sqm(v) },
                  { title: t('matchProfile.landed'), dataIndex: 'landedAreaM2', align: 'right', render: (v: number) => sqm(v) },
                  { title: t('matchProfile.free'), dataIndex: 'freeAreaM2', align: 'right', render: (v: number | null) => sqm(v) },
                ]}
              />
              <Typography.Paragraph strong style={{ marginTop: 8 }} data-testid="match-profile-free">
                {t('matchProfile.freeTotal', { area: formatNumber(data.space.freeAreaM2, lang) })}
              </Typography.Paragraph>
            </>
          )}
        </>
      )}
    </Card>
  );
}
