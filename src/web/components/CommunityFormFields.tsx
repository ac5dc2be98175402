import { Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunityKinds } from '../lib/community';
import { localName, zoneOffsetLabel } from '../lib/format';

export const COMMUNITY_FIELD_NAMES = [
  'slug',
  'kind',
  'nameZhHans',
  'nameZhHant',
  'nameEn',
  'province',
  'city',
  'timeZone',
  'website',
  'descriptionZhHans',
  'descriptionZhHant',
  'descriptionEn',
] as const;

const PREFERRED_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles'];

function useTimeZoneOptions() {
  return useMemo(() => {
    let all: string[] = [];
    try {
      all = Intl.supportedValuesOf('timeZone');
    } catch {
      all = [];
    }
    const rest = all.filter((z) => !PREFERRED_ZONES.includes(z));
    return [...PREFERRED_ZONES, ...rest].map((z) => ({ value: z, label: `${z} (${zoneOffsetLabel(z)})` }));
  }, []);
}

/** The profile fields shared by "create community" and "community settings". */
export function CommunityProfileFields({ withDescriptions = true }: { withDescriptions?: boolean }) {
  const { t, i18n } = useTranslation();
  const kinds = useCommunityKinds();
  const zones = useTimeZoneOptions();
  const required = (label: string) => ({ required: true, whitespace: true, message: t('validation.required', { field: label }) });
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('community.kind')} rules={[{ required: true, message: t('validation.required', { field: t('community.kind') }) }]}>
            <Select loading={kinds.isPending} options={(kinds.data ?? []).map((k) => ({ value: k.code, label: localName(k, i18n.language) }))} data-testid="community-kind-select" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="timeZone" label={t('community.timeZone')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={zones} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="nameZhHans" label={t('community.nameZhHans')} rules={[required(t('community.nameZhHans')), { max: 120 }]}>
            <Input data-testid="community-name-zh-hans" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="nameZhHant" label={t('community.nameZhHant')} rules={[required(t('community.nameZhHant')), { max: 120 }]}>
            <Input data-testid="community-name-zh-hant" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="nameEn" label={t('community.nameEn')} rules={[required(t('community.nameEn')), { max: 200 }]}>
            <Input data-testid="community-name-en" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="province" label={t('community.province')} rules={[{ max: 40 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="city" label={t('community.city')} rules={[{ max: 40 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="website" label={t('community.website')} rules={[{ type: 'url', message: t('validation.urlInvalid') }, { max: 300 }]}>
            <Input placeholder={t('community.websitePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      {withDescriptions && (
        <>
          <Form.Item name="descriptionZhHans" label={t('community.descriptionZhHans')} rules={[{ max: 4000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} showCount maxLength={4000} />
          </Form.Item>
          <Form.Item name="descriptionZhHant" label={t('community.descriptionZhHant')} rules={[{ max: 4000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} showCount maxLength={4000} />
          </Form.Item>
          <Form.Item name="descriptionEn" label={t('community.descriptionEn')} rules={[{ max: 8000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} showCount maxLength={8000} />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** Empty optional text becomes null so the server clears it instead of storing "". */
export function nullIfBlank(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** What the community profile form holds (create and settings share it). */
export interface CommunityProfileValues {
  kind: string;
  nameZhHans: string;
  nameZhHant: string;
  nameEn: string;
  province?: string | null;
  city?: string | null;
  timeZone?: string;
  website?: string | null;
  descriptionZhHans?: string;
  descriptionZhHant?: string;
  descriptionEn?: string;
}

/** The form's values as the API expects them: trimmed, blank optional fields as null. */
export function communityProfileBody(v: CommunityProfileValues) {
  return {
    kind: v.kind,
    nameZhHans: v.nameZhHans.trim(),
    nameZhHant: v.nameZhHant.trim(),
    nameEn: v.nameEn.trim(),
    province: nullIfBlank(v.province),
    city: nullIfBlank(v.city),
    timeZone: v.timeZone || undefined,
    website: nullIfBlank(v.website),
    descriptionZhHans: (v.descriptionZhHans ?? '').trim(),
    descriptionZhHant: (v.descriptionZhHant ?? '').trim(),
    descriptionEn: (v.descriptionEn ?? '').trim(),
  };
}
