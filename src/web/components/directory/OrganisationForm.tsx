import { Button, Col, DatePicker, Divider, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HEADCOUNT_BANDS, INVESTING_KINDS, INVESTOR_TYPES, LISTING_STATUSES, ORGANISATION_KINDS, type OrganisationKind } from '../../../domain/directory';
import { useCommunity } from '../../lib/community';
import { fenToWan, wanToFen } from '../../lib/money';
import { useTaxonomy } from '../../lib/taxonomy';
import { directoryApi, type Organisation, type OrganisationDetail } from '../../services/directory';
import { RecordDrawer, useRecordSave, WanInput } from './formSupport';

interface Values {
  kind: OrganisationKind;
  nameZh: string;
  nameEn?: string | null;
  shortNameZh?: string | null;
  shortNameEn?: string | null;
  creditCode?: string | null;
  foundedOn?: Dayjs | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  address?: string | null;
  website?: string | null;
  segments?: string[];
  headcountBand?: string | null;
  listingStatus?: string;
  stockCode?: string | null;
  qualifications?: string[];
  descriptionZh?: string;
  descriptionEn?: string;
  investorType?: string | null;
  thesisSegments?: string[];
  thesisStages?: string[];
  thesisRegions?: string[];
  /** The three amounts below are held in 万元 while editing; the body sends fen. */
  ticketMinFen?: number | null;
  ticketMaxFen?: number | null;
  aumFen?: number | null;
  services?: string[];
}

const FIELD_NAMES = [
  'kind', 'nameZh', 'nameEn', 'shortNameZh', 'shortNameEn', 'creditCode', 'foundedOn', 'province', 'city', 'district', 'address', 'website',
  'segments', 'headcountBand', 'listingStatus', 'stockCode', 'qualifications', 'descriptionZh', 'descriptionEn', 'investorType',
  'thesisSegments', 'thesisStages', 'thesisRegions', 'ticketMinFen', 'ticketMaxFen', 'aumFen', 'services',
] as const;

function toValues(o: Organisation): Values {
  return {
    kind: o.kind,
    nameZh: o.nameZh,
    nameEn: o.nameEn,
    shortNameZh: o.shortNameZh,
    shortNameEn: o.shortNameEn,
    creditCode: o.creditCode,
    foundedOn: o.foundedOn ? dayjs(o.foundedOn) : null,
    province: o.province,
    city: o.city,
    district: o.district,
    address: o.address,
    website: o.website,
    segments: o.segments,
    headcountBand: o.headcountBand,
    listingStatus: o.listingStatus,
    stockCode: o.stockCode,
    qualifications: o.qualifications,
    descriptionZh: o.descriptionZh,
    descriptionEn: o.descriptionEn,
    investorType: o.investorType,
    thesisSegments: o.thesisSegments,
    thesisStages: o.thesisStages,
    thesisRegions: o.thesisRegions,
    ticketMinFen: fenToWan(o.ticketMinFen),
    ticketMaxFen: fenToWan(o.ticketMaxFen),
    aumFen: fenToWan(o.aumFen),
    services: o.services,
  };
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** The API body of the form's values: empty texts become null, 万元 become fen, dates YYYY-MM-DD. */
function bodyOf(v: Values) {
  const investing = INVESTING_KINDS.includes(v.kind);
  return {
    kind: v.kind,
    nameZh: v.nameZh?.trim() ?? '',
    nameEn: blank(v.nameEn),
    shortNameZh: blank(v.shortNameZh),
    shortNameEn: blank(v.shortNameEn),
    creditCode: blank(v.creditCode)?.toUpperCase() ?? null,
    foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null,
    province: blank(v.province),
    city: blank(v.city),
    district: blank(v.district),
    address: blank(v.address),
    website: blank(v.website),
    segments: v.segments ?? [],
    headcountBand: (v.headcountBand ?? null) as (typeof HEADCOUNT_BANDS)[number] | null,
    listingStatus: (v.listingStatus ?? 'unlisted') as (typeof LISTING_STATUSES)[number],
    stockCode: blank(v.stockCode),
    qualifications: v.qualifications ?? [],
    descriptionZh: v.descriptionZh?.trim() ?? '',
    descriptionEn: v.descriptionEn?.trim() ?? '',
    ...(investing
      ? {
          investorType: (v.investorType ?? null) as (typeof INVESTOR_TYPES)[number] | null,
          thesisSegments: v.thesisSegments ?? [],
          thesisStages: v.thesisStages ?? [],
          thesisRegions: v.thesisRegions ?? [],
          ticketMinFen: wanToFen(v.ticketMinFen),
          ticketMaxFen: wanToFen(v.ticketMaxFen),
          aumFen: wanToFen(v.aumFen),
        }
      : {}),
    ...(v.kind === 'service_provider' ? { services: v.services ?? [] } : {}),
  };
}

/**
 * Create or edit an organisation in a drawer. Creating adds it to the current community (which
 * stewards it); editing sends only the changed fields with the version it started from.
 */
export function OrganisationForm(props: {
  open: boolean;
  onClose: () => void;
  organisation?: OrganisationDetail;
  onSaved?: (o: Organisation) => void;
  onReload?: () => Promise<Organisation | undefined>;
}) {
  const { t } = useTranslation();
  return (
    <RecordDrawer
      open={props.open}
      onClose={props.onClose}
      width={760}
      title={props.organisation ? t('dirForm.editOrganisation') : t('dirForm.newOrganisation')}
      testId="organisation-form"
    >
      <OrganisationFormBody {...props} />
    </RecordDrawer>
  );
}

function OrganisationFormBody({ organisation, onClose, onSaved, onReload }: Parameters<typeof OrganisationForm>[0]) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const tax = useTaxonomy();
  const [form] = Form.useForm<Values>();
  const { base, save } = useRecordSave({
    entityType: 'organisation',
    form,
    record: organisation as Organisation | undefined,
    toValues,
    bodyOf,
    fieldNames: FIELD_NAMES,
    create: (body) => directoryApi.createOrganisation({ communityId: community.id, ...body }),
    update: directoryApi.updateOrganisation,
    onReload,
    onSaved,
    onClose,
  });
  const initial = useMemo<Values>(() => (base ? toValues(base) : { kind: 'enterprise', nameZh: '', listingStatus: 'unlisted' }), [base]);
  const kind = Form.useWatch('kind', form) ?? initial.kind;
  const listing = Form.useWatch('listingStatus', form) ?? initial.listingStatus;

  const kindOptions = ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`dir.kinds.${k}`) }));
  const stageGroups = (['drug', 'device', 'ivd'] as const).map((track) => ({ label: t(`dir.tracks.${track}`), options: tax.stagesOf(track) }));

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} scrollToFirstError data-testid="organisation-form-body">
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('dir.fields.kind')} rules={[{ required: true, message: t('dirForm.required') }]}>
            <Select options={kindOptions} data-testid="org-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="creditCode" label={t('dir.fields.creditCode')} extra={t('dirForm.creditCodeHelp')}>
            <Input maxLength={18} className="bb-mono" data-testid="org-credit-code" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="nameZh" label={t('dir.fields.nameZh')} rules={[{ required: true, whitespace: true, message: t('dirForm.required') }]}>
            <Input maxLength={200} data-testid="org-name-zh" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="nameEn" label={t('dir.fields.nameEn')}>
            <Input maxLength={300} data-testid="org-name-en" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="shortNameZh" label={t('dir.fields.shortNameZh')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="shortNameEn" label={t('dir.fields.shortNameEn')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="foundedOn" label={t('dir.fields.foundedOn')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="headcountBand" label={t('dir.fields.headcountBand')}>
            <Select allowClear options={HEADCOUNT_BANDS.map((b) => ({ value: b, label: t(`dir.headcount.${b}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="segments" label={t('dir.fields.segments')}>
            <Select mode="multiple" allowClear options={tax.options('segment')} optionFilterProp="label" data-testid="org-segments" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="qualifications" label={t('dir.fields.qualifications')}>
            <Select mode="multiple" allowClear options={tax.options('qualification')} optionFilterProp="label" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="province" label={t('dir.fields.province')}>
            <Input maxLength={40} placeholder={t('dirForm.provincePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="city" label={t('dir.fields.city')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="district" label={t('dir.fields.district')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="address" label={t('dir.fields.address')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="website" label={t('dir.fields.website')} rules={[{ type: 'url', message: t('dirForm.urlInvalid') }]}>
            <Input maxLength={300} placeholder="https://" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="listingStatus" label={t('dir.fields.listingStatus')}>
            <Select options={LISTING_STATUSES.map((s) => ({ value: s, label: t(`dir.listing.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="stockCode" label={t('dir.fields.stockCode')}>
            <Input maxLength={20} disabled={listing === 'unlisted'} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="descriptionZh" label={t('dir.fields.descriptionZh')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={8000} showCount />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="descriptionEn" label={t('dir.fields.descriptionEn')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={16000} />
          </Form.Item>
        </Col>
      </Row>
      {INVESTING_KINDS.includes(kind) && (
        <>
          <Divider titlePlacement="start">{t('dirForm.thesis')}</Divider>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="investorType" label={t('dir.fields.investorType')}>
                <Select allowClear options={INVESTOR_TYPES.map((s) => ({ value: s, label: t(`dir.investorTypes.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="aumFen" label={t('dir.fields.aum')}>
                <WanInput />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="thesisSegments" label={t('dir.fields.thesisSegments')}>
                <Select mode="multiple" allowClear options={tax.options('segment')} optionFilterProp="label" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="thesisStages" label={t('dir.fields.thesisStages')}>
                <Select mode="multiple" allowClear options={stageGroups} optionFilterProp="label" />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="ticketMinFen" label={t('dir.fields.ticketMin')}>
                <WanInput />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item
                name="ticketMaxFen"
                label={t('dir.fields.ticketMax')}
                dependencies={['ticketMinFen']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, v: number | null) => {
                      const min = getFieldValue('ticketMinFen') as number | null;
                      return v !== null && v !== undefined && min !== null && min !== undefined && v < min ? Promise.reject(new Error(t('dirForm.ticketRange'))) : Promise.resolve();
                    },
                  }),
                ]}
              >
                <WanInput />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="thesisRegions" label={t('dir.fields.thesisRegions')} extra={t('dirForm.tagsHelp')}>
                <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
      {kind === 'service_provider' && (
        <>
          <Divider titlePlacement="start">{t('dirForm.services')}</Divider>
          <Form.Item name="services" label={t('dir.fields.services')}>
            <Select mode="multiple" allowClear options={tax.options('service')} optionFilterProp="label" />
          </Form.Item>
        </>
      )}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="org-save">
          {organisation ? t('common.save') : t('dirForm.create')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
