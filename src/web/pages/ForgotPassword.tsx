import { ArrowLeftOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../services/api';
import type { Ok } from '../services/types';
import { AuthLayout } from '../components/AuthLayout';
import { useApiErrorHandler } from '../lib/errors';
import { emailRules } from '../lib/rules';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ email: string }>();
  const onError = useApiErrorHandler();
  const requestReset = useMutation({
    mutationFn: (email: string) => api.post<Ok>('/api/auth/password-reset/request', { email }, { noAuthRedirect: true }),
    onError: (e) => onError(e, form, ['email']),
  });

  return (
    <AuthLayout>
      {requestReset.isSuccess ? (
        <Result
          status="success"
          title={t('forgot.sentTitle')}
          subTitle={t('forgot.sentText', { email: requestReset.variables })}
          extra={
            <Link to="/sign-in">
              <Button type="primary">{t('forgot.backToSignIn')}</Button>
            </Link>
          }
          data-testid="forgot-sent"
        />
      ) : (
        <>
          <Typography.Title level={1}>{t('forgot.title')}</Typography.Title>
          <div className="bb-auth-sub">{t('forgot.subtitle')}</div>
          <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => requestReset.mutate(v.email.trim())}>
            <Form.Item
              name="email"
              label={t('fields.email')}
              rules={emailRules(t)}
            >
              <Input prefix={<MailOutlined />} autoComplete="email" data-testid="forgot-email" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={requestReset.isPending} data-testid="forgot-submit">
              {t('forgot.submit')}
            </Button>
          </Form>
          <div style={{ marginTop: 24 }}>
            <Link to="/sign-in">
              <ArrowLeftOutlined /> {t('forgot.backToSignIn')}
            </Link>
          </div>
        </>
      )}
    </AuthLayout>
  );
}
