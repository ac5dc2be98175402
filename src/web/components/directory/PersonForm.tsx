import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Divider, Form, Input, Row, Space, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunity } from '../../lib/community';
import { directoryApi, type Person, type PersonDetail } from '../../services/directory';
import { OrganisationSelect, RecordDrawer, useRecordSave } from './formSupport';

interface Values {
  nameZh: string;
  nameEn?: string | null;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  wechatId?: string | null;
  consentToContact?: boolean;
  consentSource?: string | null;
  bioZh?: string;
  bioEn?: string;
  affiliations?: { organisationId?: string | null; role?: string }[];
}

const FIELD_NAMES = ['nameZh', 'nameEn', 'title', 'email', 'phone', 'wechatId', 'consentToContact', 'consentSource', 'bioZh', 'bioEn', 'affiliations'] as const;

function toValues(p: Person): Values {
  return {
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    title: p.title,
    email: p.email,
    phone: p.phone,
    wechatId: p.wechatId,
    consentToContact: p.consentToContact,
    consentSource: p.consentSource,
    bioZh: p.bioZh,
    bioEn: p.bioEn,
  };
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** Contact channels the viewer cannot see are left out, so an edit never clears them. */
function bodyOf(v: Values, contactHidden: boolean) {
  return {
    nameZh: v.nameZh?.trim() ?? '',
    nameEn: blank(v.nameEn),
    title: blank(v.title),
    ...(contactHidden ? {} : { email: blank(v.email), phone: blank(v.phone), wechatId: blank(v.wechatId) }),
    consentToContact: Boolean(v.consentToContact),
    consentSource: blank(v.consentSource),
    bioZh: v.bioZh?.trim() ?? '',
    bioEn: v.bioEn?.trim() ?? '',
  };
}

export function PersonForm(props: {
  open: boolean;
  onClose: () => void;
  person?: PersonDetail;
  onSaved?: (p: Person) => void;
  onReload?: () => Promise<Person | undefined>;
}) {
  const { t } = useTranslation();
  return (
    <RecordDrawer open={props.open} onClose={props.onClose} width={640} title={props.person ? t('dirForm.editPerson') : t('dirForm.newPerson')} testId="person-form">
      <PersonFormBody {...props} />
    </RecordDrawer>
  );
}

function PersonFormBody({ person, onClose, onSaved, onReload }: Parameters<typeof PersonForm>[0]) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const [form] = Form.useForm<Values>();
  const { base, save } = useRecordSave({
    entityType: 'person',
    form,
    record: person as Person | undefined,
    toValues,
    bodyOf: (values, record) => bodyOf(values, Boolean(record?.contactHidden)),
    fieldNames: FIELD_NAMES,
    create: (body, values) => {
      const affiliations = (values.affiliations ?? [])
        .filter((a) => a.organisationId && a.role?.trim())
        .map((a) => ({ organisationId: a.organisationId as string, role: (a.role ?? '').trim(), isCurrent: true }));
      return directoryApi.createPerson({ communityId: community.id, ...body, affiliations });
    },
    update: directoryApi.updatePerson,
    onReload,
    onSaved,
    onClose,
  });
  const hidden = Boolean(base?.contactHidden);
  const initial = useMemo<Values>(() => (base ? toValues(base) : { nameZh: '', consentToContact: false, affiliations: [] }), [base]);

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} scrollToFirstError>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="nameZh" label={t('dir.fields.personNameZh')} rules={[{ required: true, whitespace: true, message: t('dirForm.required') }]}>
            <Input maxLength={60} data-testid="person-name-zh" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="nameEn" label={t('dir.fields.personNameEn')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="title" label={t('dir.fields.title')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('dirForm.contact')}</Divider>
      {hidden ? (
        <Alert type="info" showIcon title={t('dirPerson.contactHiddenEdit')} style={{ marginBottom: 16 }} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="email" label={t('dir.fields.email')} rules={[{ type: 'email', message: t('dirForm.emailInvalid') }]}>
              <Input maxLength={254} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('dir.fields.phone')}>
              <Input maxLength={24} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="wechatId" label={t('dir.fields.wechatId')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="consentToContact" label={t('dir.fields.consentToContact')} valuePropName="checked" extra={t('dirForm.consentHelp')}>
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="consentSource" label={t('dir.fields.consentSource')}>
            <Input maxLength={200} placeholder={t('dirForm.consentSourcePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="bioZh" label={t('dir.fields.bioZh')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="bioEn" label={t('dir.fields.bioEn')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={8000} />
      </Form.Item>
      {!base && (
        <>
          <Divider titlePlacement="start">{t('dirForm.affiliations')}</Divider>
          <Form.List name="affiliations">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Row gutter={8} key={field.key} align="top">
                    <Col xs={24} sm={13}>
                      <Form.Item name={[field.name, 'organisationId']} rules={[{ required: true, message: t('dirForm.required') }]}>
                        <OrganisationSelect />
                      </Form.Item>
                    </Col>
                    <Col xs={20} sm={9}>
                      <Form.Item name={[field.name, 'role']} rules={[{ required: true, whitespace: true, message: t('dirForm.required') }]}>
                        <Input maxLength={60} placeholder={t('dir.fields.role')} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} sm={2}>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('dirForm.remove')} />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: '' })} style={{ marginBottom: 16 }}>
                  {t('dirForm.addAffiliation')}
                </Button>
              </>
            )}
          </Form.List>
        </>
      )}
      <Space style={{ display: 'flex', marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="person-save">
          {person ? t('common.save') : t('dirForm.create')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
