import { CheckCircleOutlined, LoginOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Divider, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../services/api';
import type { InvitationPreview, SessionInfo } from '../services/types';
import { AuthLayout } from '../components/AuthLayout';
import { NewPasswordFields } from '../components/PasswordFields';
import { RoleTag } from '../components/RoleTag';
import { LoadError } from '../components/States';
import { errorText, fieldText, useApiErrorHandler } from '../lib/errors';
import { formatDateTime, localName } from '../lib/format';
import { applySession, clearSession, useSession } from '../lib/session';

interface SignUpValues {
  displayName: string;
  newPassword: string;
  confirmPassword: string;
}

export function InvitePage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<SignUpValues>();

  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`, { noAuthRedirect: true }),
    retry: false,
  });

  const accept = useMutation({
    mutationFn: (body: { displayName?: string; password?: string }) =>
      api.post<SessionInfo>(`/api/invitations/${encodeURIComponent(token)}/accept`, body, { noAuthRedirect: true }),
    onSuccess: (data) => {
      applySession(queryClient, data);
      void queryClient.invalidateQueries({ queryKey: ['communities'] });
      void navigate(preview.data ? `/c/${preview.data.community.slug}` : '/', { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields?.password) {
        form.setFields([{ name: 'newPassword', errors: [fieldText(t, e.fields.password)] }]);
        return;
      }
      onError(e, form, ['displayName']);
    },
  });

  const signOut = useMutation({
    mutationFn: () => api.post('/api/auth/sign-out'),
    onSettled: () => clearSession(queryClient),
  });

  let body: React.ReactNode;
  if (preview.isPending || session.isPending) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (preview.error) {
    body =
      preview.error instanceof ApiError && (preview.error.code === 'invitation_invalid' || preview.error.status === 404 || preview.error.status === 410) ? (
        <Result
          status="warning"
          title={t('invite.invalidTitle')}
          subTitle={errorText(t, preview.error)}
          extra={
            <Link to="/sign-in">
              <Button type="primary">{t('signIn.submit')}</Button>
            </Link>
          }
          data-testid="invite-invalid"
        />
      ) : (
        <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
      );
  } else {
    const inv = preview.data;
    const user = session.data?.user ?? null;
    const sameUser = user !== null && user.email.toLowerCase() === inv.email.toLowerCase();
    const next = encodeURIComponent(`/invite/${token}`);
    body = (
      <>
        <Typography.Title level={1}>{t('invite.title')}</Typography.Title>
        <div className="bb-auth-sub">{t('invite.subtitle', { community: localName(inv.community, i18n.language) })}</div>
        <Descriptions
          column={1}
          size="small"
          bordered
          style={{ marginBottom: 24 }}
          styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
          items={[
            { key: 'community', label: t('invite.community'), children: <strong data-testid="invite-community">{localName(inv.community, i18n.language)}</strong> },
            { key: 'role', label: t('fields.role'), children: <RoleTag role={inv.role} /> },
            { key: 'email', label: t('fields.email'), children: <span style={{ wordBreak: 'break-all' }}>{inv.email}</span> },
            { key: 'expires', label: t('invite.expires'), children: formatDateTime(inv.expiresAt, i18n.language) },
          ]}
        />
        {user && (
          <>
            {!sameUser && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('invite.otherAccount', { current: user.email, invited: inv.email })}
                action={
                  <Button size="small" onClick={() => signOut.mutate()} loading={signOut.isPending}>
                    {t('layout.signOut')}
                  </Button>
                }
              />
            )}
            <Button type="primary" size="large" block icon={<CheckCircleOutlined />} loading={accept.isPending} onClick={() => accept.mutate({})} data-testid="invite-accept">
              {t('invite.accept')}
            </Button>
          </>
        )}
        {!user && inv.accountExists && (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('invite.signInFirst', { email: inv.email })} />
            <Link to={`/sign-in?next=${next}`}>
              <Button type="primary" size="large" block icon={<LoginOutlined />} data-testid="invite-sign-in">
                {t('invite.signInToAccept')}
              </Button>
            </Link>
          </>
        )}
        {!user && !inv.accountExists && (
          <>
            <Divider plain>{t('invite.createAccount')}</Divider>
            <Form<SignUpValues>
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={(v) => accept.mutate({ displayName: v.displayName.trim(), password: v.newPassword })}
            >
              <Form.Item name="displayName" label={t('fields.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.displayNameRequired') }, { max: 100 }]}>
                <Input prefix={<UserOutlined />} autoComplete="name" data-testid="invite-display-name" />
              </Form.Item>
              <NewPasswordFields testId="invite-password" />
              <Button type="primary" htmlType="submit" size="large" block loading={accept.isPending} data-testid="invite-sign-up">
                {t('invite.signUpAndAccept')}
              </Button>
            </Form>
          </>
        )}
      </>
    );
  }

  return <AuthLayout>{body}</AuthLayout>;
}
