/**
 * The public registration form: ticket type (with seats left), the standard fields, the event's
 * custom questions. Prefilled from the invitation (`?invite=`) or the signed-in account. Field
 * errors from the server land on their fields (answers.<id> included).
 */
import { Alert, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../lib/errors';
import { registrationsApi, type PublicEvent, type RegistrationCreated } from '../../services/registrations';
import { cleanAnswers, RegistrationAnswerFields } from './RegistrationAnswerFields';

interface Values {
  ticketTypeId?: string;
  name: string;
  email: string;
  phone?: string;
  organisationName?: string;
  jobTitle?: string;
  answers?: Record<string, unknown>;
}

const FIELDS = ['ticketTypeId', 'name', 'email', 'phone', 'organisationName', 'jobTitle', 'answers'] as const;

export function RegistrationForm({ event, inviteToken, onDone }: { event: PublicEvent; inviteToken: string | null; onDone: (result: RegistrationCreated) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const invitation = event.invitation && event.invitation.status !== 'revoked' ? event.invitation : null;
  const open = event.ticketTypes.filter((tt) => tt.isOpen || tt.id === invitation?.ticketTypeId);
  const chosenId = Form.useWatch('ticketTypeId', form);
  const chosen = event.ticketTypes.find((tt) => tt.id === (invitation?.ticketTypeId ?? chosenId));
  const willWait = event.approvalMode === 'automatic' && chosen !== undefined && chosen.seatsLeft === 0;

  const submit = useMutation({
    mutationFn: (values: Values) =>
      registrationsApi.register(event.id, {
        ...(invitation ? {} : { ticketTypeId: values.ticketTypeId }),
        name: values.name,
        email: values.email,
        phone: values.phone ?? '',
        organisationName: values.organisationName ?? '',
        jobTitle: values.jobTitle ?? '',
        answers: cleanAnswers(values.answers),
        ...(inviteToken ? { inviteToken } : {}),
      }),
    onSuccess: onDone,
    onError: (error) => onError(error, form, FIELDS),
  });

  const initial: Partial<Values> = {
    ticketTypeId: invitation?.ticketTypeId ?? (open.length === 1 ? open[0]!.id : undefined),
    name: invitation?.name ?? event.prefill?.name ?? '',
    email: invitation?.email ?? event.prefill?.email ?? '',
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => submit.mutate(v)} requiredMark="optional" data-testid="registrations-form" size="large">
      {event.approvalMode === 'reviewed' && <Alert type="info" showIcon title={t('registrations.public.reviewed')} style={{ marginBottom: 16 }} />}
      {!invitation && (
        <Form.Item name="ticketTypeId" label={t('registrations.public.ticketType')} rules={[{ required: true, message: t('registrations.public.chooseTicket') }]}>
          <Radio.Group style={{ width: '100%' }} data-testid="registrations-ticket-choice">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {open.map((tt) => (
                <Radio key={tt.id} value={tt.id} style={{ minHeight: 40, alignItems: 'center' }} data-testid={`registrations-ticket-${tt.id}`}>
                  <Space size={8} wrap>
                    <span>{tt.name}</span>
                    <Typography.Text type={tt.seatsLeft > 0 ? 'success' : 'warning'}>
                      {tt.seatsLeft > 0 ? t('registrations.public.seatsLeft', { count: tt.seatsLeft }) : t('registrations.public.full')}
                    </Typography.Text>
                  </Space>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
      )}
      <Form.Item name="name" label={t('registrations.public.name')} rules={[{ required: true, whitespace: true, message: t('registrations.public.required') }, { max: 100 }]}>
        <Input autoComplete="name" maxLength={100} data-testid="registrations-name" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('registrations.public.email')}
        extra={t('registrations.public.emailHelp')}
        rules={[
          { required: true, message: t('registrations.public.required') },
          { type: 'email', message: t('registrations.public.emailInvalid') },
        ]}
      >
        <Input type="email" inputMode="email" autoComplete="email" maxLength={254} data-testid="registrations-email" />
      </Form.Item>
      <Form.Item name="phone" label={t('registrations.public.phone')}>
        <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={40} data-testid="registrations-phone" />
      </Form.Item>
      <Form.Item name="organisationName" label={t('registrations.public.organisation')}>
        <Input autoComplete="organization" maxLength={200} data-testid="registrations-organisation" />
      </Form.Item>
      <Form.Item name="jobTitle" label={t('registrations.public.jobTitle')}>
        <Input autoComplete="organization-title" maxLength={100} data-testid="registrations-job-title" />
      </Form.Item>
      <RegistrationAnswerFields questions={event.questions} />
      <Button type="primary" htmlType="submit" block loading={submit.isPending} data-testid="registrations-submit">
        {willWait ? t('registrations.public.submitWaitlist') : t('registrations.public.submit')}
      </Button>
    </Form>
  );
}
