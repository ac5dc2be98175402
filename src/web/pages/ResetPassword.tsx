import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../services/api';
import type { Ok } from '../services/types';
import { AuthLayout } from '../components/AuthLayout';
import { NewPasswordFields } from '../components/PasswordFields';
import { errorText, useApiErrorHandler } from '../lib/errors';

interface Values {
  newPassword: string;
  confirmPassword: string;
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const confirm = useMutation({
    mutationFn: (values: Values) => api.post<Ok>('/api/auth/password-reset/confirm', { token, newPassword: values.newPassword }, { noAuthRedirect: true }),
    onError: (e) => {
      if (!(e instanceof ApiError && e.code === 'reset_token_invalid')) onError(e, form, ['newPassword']);
    },
  });
  const invalid = confirm.error instanceof ApiError && confirm.error.code === 'reset_token_invalid';

  return (
    <AuthLayout>
      {confirm.isSuccess ? (
        <Result
          status="success"
          title={t('reset.doneTitle')}
          subTitle={t('reset.doneText')}
          data-testid="reset-done"
          extra={
            <Link to="/sign-in">
              <Button type="primary">{t('signIn.submit')}</Button>
            </Link>
          }
        />
      ) : (
        <>
          <Typography.Title level={1}>{t('reset.title')}</Typography.Title>
          <div className="bb-auth-sub">{t('reset.subtitle')}</div>
          {invalid && (
            <Alert
              type="error"
              showIcon
              title={errorText(t, confirm.error)}
              action={<Link to="/forgot-password">{t('reset.requestAgain')}</Link>}
              style={{ marginBottom: 20 }}
            />
          )}
          <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => confirm.mutate(v)}>
            <NewPasswordFields />
            <Button type="primary" htmlType="submit" block loading={confirm.isPending} data-testid="reset-submit">
              {t('reset.submit')}
            </Button>
          </Form>
        </>
      )}
    </AuthLayout>
  );
}
