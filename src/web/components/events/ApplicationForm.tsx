/**
 * The application form of a roadshow or competition, phone-first (one column, large controls):
 * project, organisation, summary, segment, team rows, the call's own questions and the contact.
 * Used to apply (with the contact e-mail and, signed in, a directory project to start from) and
 * to edit an application from the applicant's page.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../domain/events/questions';
import { APPLICATION_LIMITS } from '../../../shared/schemas/applications';
import { recordName } from '../../lib/directory';
import { useTaxonomy } from '../../lib/taxonomy';
import type { OwnProject } from '../../services/applications';
import { ApplicationAnswerFields } from './ApplicationAnswerFields';

export interface ApplicationFormValues {
  projectId?: string | null;
  projectName: string;
  organisationName: string;
  summary: string;
  segment: string | null;
  team: { name: string; role: string }[];
  answers: Record<string, string | string[] | boolean | undefined>;
  contactName: string;
  contactEmail?: string;
  contactPhone: string;
}

export const APPLICATION_FORM_FIELDS = ['projectId', 'projectName', 'organisationName', 'summary', 'segment', 'team', 'answers', 'contactName', 'contactEmail', 'contactPhone'] as const;

/** Unanswered optional questions are left out rather than sent empty. */
export function cleanAnswers(answers: ApplicationFormValues['answers'] | undefined): Record<string, string | string[] | boolean> {
  const out: Record<string, string | string[] | boolean> = {};
  for (const [k, v] of Object.entries(answers ?? {})) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out;
}

export function ApplicationForm(props: {
  form: FormInstance<ApplicationFormValues>;
  mode: 'apply' | 'edit';
  questions: readonly Question[];
  initialValues: Partial<ApplicationFormValues>;
  myProjects?: OwnProject[];
  submitting: boolean;
  submitLabel: string;
  onSubmit: (values: ApplicationFormValues) => void;
  onCancel?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const taxonomy = useTaxonomy();
  const { form } = props;

  /** Starting from a directory project fills what the directory knows; the applicant may still change it. */
  const pickProject = (id: string | null) => {
    const p = props.myProjects?.find((x) => x.id === id);
    if (!p) return;
    form.setFieldsValue({
      projectName: recordName(p.nameZh, p.nameEn, i18n.language),
      organisationName: p.organisation ? recordName(p.organisation.nameZh, p.organisation.nameEn, i18n.language) : form.getFieldValue('organisationName'),
      summary: p.summaryZh.slice(0, APPLICATION_LIMITS.summary),
      segment: p.segment,
      team: p.team.slice(0, APPLICATION_LIMITS.teamSize).map((m) => ({ name: m.name.slice(0, APPLICATION_LIMITS.teamName), role: m.role.slice(0, APPLICATION_LIMITS.teamRole) })),
    });
  };

  return (
    <Form<ApplicationFormValues>
      form={form}
      layout="vertical"
      size="large"
      initialValues={props.initialValues}
      onFinish={props.onSubmit}
      scrollToFirstError
      data-testid="applications-form"
    >
      <Card title={t('applications.form.projectSection')} size="small" style={{ marginBottom: 16 }}>
        {props.mode === 'apply' && props.myProjects && props.myProjects.length > 0 && (
          <Form.Item name="projectId" label={t('applications.form.fromDirectory')} extra={t('applications.form.fromDirectoryHelp')}>
            <Select
              allowClear
              placeholder={t('applications.form.fromDirectoryPlaceholder')}
              options={props.myProjects.map((p) => ({
                value: p.id,
                label: p.organisation
                  ? `${recordName(p.nameZh, p.nameEn, i18n.language)} · ${recordName(p.organisation.nameZh, p.organisation.nameEn, i18n.language)}`
                  : recordName(p.nameZh, p.nameEn, i18n.language),
              }))}
              onChange={(id: string | undefined) => pickProject(id ?? null)}
              data-testid="applications-own-project"
            />
          </Form.Item>
        )}
        <Form.Item name="projectName" label={t('applications.form.projectName')} rules={[{ required: true, whitespace: true, message: t('applications.form.required') }]}>
          <Input maxLength={APPLICATION_LIMITS.projectName} data-testid="applications-project-name" />
        </Form.Item>
        <Form.Item name="organisationName" label={t('applications.form.organisationName')} rules={[{ required: true, whitespace: true, message: t('applications.form.required') }]}>
          <Input maxLength={APPLICATION_LIMITS.organisationName} data-testid="applications-organisation-name" />
        </Form.Item>
        <Form.Item name="segment" label={t('applications.form.segment')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={taxonomy.options('segment')} loading={!taxonomy.loaded} data-testid="applications-segment" />
        </Form.Item>
        <Form.Item name="summary" label={t('applications.form.summary')} extra={t('applications.form.summaryHelp')}>
          <Input.TextArea maxLength={APPLICATION_LIMITS.summary} showCount autoSize={{ minRows: 4, maxRows: 12 }} data-testid="applications-summary" />
        </Form.Item>
      </Card>

      <Card title={t('applications.form.teamSection')} size="small" style={{ marginBottom: 16 }}>
        <Form.List name="team">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" style={{ width: '100%' }} wrap>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('applications.form.required') }]} style={{ marginBottom: 8, minWidth: 140 }}>
                    <Input maxLength={APPLICATION_LIMITS.teamName} placeholder={t('applications.form.memberName')} data-testid={`applications-team-name-${i}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} style={{ marginBottom: 8, minWidth: 140 }}>
                    <Input maxLength={APPLICATION_LIMITS.teamRole} placeholder={t('applications.form.memberRole')} data-testid={`applications-team-role-${i}`} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('applications.form.removeMember')} />
                </Space>
              ))}
              {fields.length === 0 && <Typography.Text type="secondary">{t('applications.form.noTeam')}</Typography.Text>}
              <Button icon={<PlusOutlined />} disabled={fields.length >= APPLICATION_LIMITS.teamSize} onClick={() => add({ name: '', role: '' })} data-testid="applications-team-add">
                {t('applications.form.addMember')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Card>

      {props.questions.length > 0 && (
        <Card title={t('applications.form.questionsSection')} size="small" style={{ marginBottom: 16 }}>
          <ApplicationAnswerFields questions={props.questions} />
        </Card>
      )}

      <Card title={t('applications.form.contactSection')} size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="contactName" label={t('applications.form.contactName')} rules={[{ required: true, whitespace: true, message: t('applications.form.required') }]}>
          <Input maxLength={APPLICATION_LIMITS.contactName} autoComplete="name" data-testid="applications-contact-name" />
        </Form.Item>
        {props.mode === 'apply' && (
          <Form.Item
            name="contactEmail"
            label={t('applications.form.contactEmail')}
            extra={t('applications.form.contactEmailHelp')}
            rules={[
              { required: true, message: t('applications.form.required') },
              { type: 'email', message: t('applications.form.emailInvalid') },
            ]}
          >
            <Input type="email" maxLength={254} autoComplete="email" inputMode="email" data-testid="applications-contact-email" />
          </Form.Item>
        )}
        <Form.Item name="contactPhone" label={t('applications.form.contactPhone')}>
          <Input maxLength={APPLICATION_LIMITS.contactPhone} autoComplete="tel" inputMode="tel" data-testid="applications-contact-phone" />
        </Form.Item>
      </Card>

      <Space style={{ width: '100%' }} orientation="vertical">
        <Button type="primary" htmlType="submit" block loading={props.submitting} data-testid="applications-submit">
          {props.submitLabel}
        </Button>
        {props.onCancel && (
          <Button block onClick={props.onCancel} data-testid="applications-cancel">
            {t('applications.form.cancel')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
