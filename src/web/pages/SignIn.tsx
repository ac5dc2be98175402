import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../services/api';
import type { SessionInfo } from '../services/types';
import { AuthLayout } from '../components/AuthLayout';
import { PageSkeleton } from '../components/States';
import { isLanguage } from '../i18n';
import { errorText } from '../lib/errors';
import { applySession, useSession } from '../lib/session';
import { emailRules } from '../lib/rules';

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) return '/';
  return next;
}

interface Values {
  email: string;
  password: string;
}

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);

  const signIn = useMutation({
    mutationFn: (values: Values) => api.post<SessionInfo>('/api/auth/sign-in', { email: values.email.trim(), password: values.password }, { noAuthRedirect: true }),
    onSuccess: async (data) => {
      applySession(queryClient, data);
      if (data.user && isLanguage(data.user.locale) && data.user.locale !== i18n.language) await i18n.changeLanguage(data.user.locale);
      void navigate(next, { replace: true });
    },
    onError: (e) => setError(e),
  });

  if (session.isPending) return <PageSkeleton />;
  if (session.data?.user && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />;

  return (
    <AuthLayout>
      <Typography.Title level={1}>{t('signIn.title')}</Typography.Title>
      <div className="bb-auth-sub">{t('signIn.subtitle')}</div>
      {error !== null && (
        <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 20 }} data-testid="sign-in-error" />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        size="large"
        onFinish={(values) => {
          setError(null);
          signIn.mutate(values);
        }}
        onValuesChange={() => error !== null && setError(null)}
      >
        <Form.Item
          name="email"
          label={t('fields.email')}
          rules={emailRules(t)}
        >
          <Input prefix={<MailOutlined />} autoComplete="username" placeholder={t('signIn.emailPlaceholder')} data-testid="sign-in-email" />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} rules={[{ required: true, message: t('validation.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder={t('signIn.passwordPlaceholder')} data-testid="sign-in-password" />
        </Form.Item>
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: -8, marginBottom: 20 }}>
          <Link to="/forgot-password" data-testid="forgot-password-link">
            {t('signIn.forgot')}
          </Link>
        </div>
        <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="sign-in-submit">
          {t('signIn.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 24, fontSize: 13 }}>
        {t('signIn.inviteOnly')}
      </Typography.Paragraph>
    </AuthLayout>
  );
}
