import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Mirrors the server's policy so most mistakes are caught before a round trip. */
export const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{10,}$/;

export function NewPasswordFields({ name = 'newPassword', testId = 'new-password' }: { name?: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={name}
        label={t('fields.newPassword')}
        extra={t('password.policy')}
        rules={[
          { required: true, message: t('validation.passwordRequired') },
          { pattern: PASSWORD_RULE, message: t('password.policy') },
        ]}
        hasFeedback
      >
        <Input.Password autoComplete="new-password" data-testid={testId} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('fields.confirmPassword')}
        dependencies={[name]}
        hasFeedback
        rules={[
          { required: true, message: t('validation.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue(name) === value ? Promise.resolve() : Promise.reject(new Error(t('validation.passwordsDiffer'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${testId}-confirm`} />
      </Form.Item>
    </>
  );
}
