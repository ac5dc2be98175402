import { KeyOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../services/api';
import type { Ok, SessionInfo, User } from '../services/types';
import { LANGUAGE_NAMES, useChangeLanguage } from '../components/LanguageSwitch';
import { PageHeader } from '../components/PageHeader';
import { NewPasswordFields } from '../components/PasswordFields';
import { PlatformAdminTag, RoleTag } from '../components/RoleTag';
import { LANGUAGES, type Language } from '../i18n';
import { useApiErrorHandler } from '../lib/errors';
import { localName } from '../lib/format';
import { SESSION_KEY, useSession } from '../lib/session';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const user = session.data?.user;
  const communities = session.data?.communities ?? [];
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const changeLanguage = useChangeLanguage();
  const [profileForm] = Form.useForm<{ displayName: string }>();
  const [passwordForm] = Form.useForm<PasswordValues>();

  const saveProfile = useMutation({
    mutationFn: (displayName: string) => api.patch<User>('/api/me', { displayName }),
    onSuccess: (updated) => {
      queryClient.setQueryData<SessionInfo>(SESSION_KEY, (old) => (old ? { ...old, user: updated } : old));
      void message.success(t('account.profileSaved'));
    },
    onError: (e) => onError(e, profileForm, ['displayName']),
  });

  const changePassword = useMutation({
    mutationFn: (v: PasswordValues) => api.post<Ok>('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      passwordForm.resetFields();
      void message.success(t('account.passwordChanged'));
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
    onError: (e) => onError(e, passwordForm, ['currentPassword', 'newPassword']),
  });

  if (!user) return null;

  return (
    <div data-testid="account-page">
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('account.profile')} style={{ marginBottom: 16 }}>
            <Descriptions
              column={1}
              size="small"
              style={{ marginBottom: 16 }}
              items={[
                { key: 'email', label: t('fields.email'), children: user.email },
                ...(user.isPlatformAdmin ? [{ key: 'admin', label: t('account.platformRole'), children: <PlatformAdminTag /> }] : []),
              ]}
            />
            <Form form={profileForm} layout="vertical" initialValues={{ displayName: user.displayName }} onFinish={(v) => saveProfile.mutate(v.displayName.trim())}>
              <Form.Item name="displayName" label={t('fields.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.displayNameRequired') }, { max: 100 }]}>
                <Input data-testid="account-display-name" />
              </Form.Item>
              <Form.Item label={t('account.language')} extra={t('account.languageHint')}>
                <Select<Language>
                  value={(LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'zh-CN'}
                  options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
                  onChange={(l) => void changeLanguage(l)}
                  style={{ maxWidth: 240 }}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saveProfile.isPending}>
                {t('common.save')}
              </Button>
            </Form>
          </Card>
          <Card variant="borderless" title={t('account.memberships')}>
            {communities.length === 0 ? (
              t('account.noMemberships')
            ) : (
              communities.map((c) => (
                <div className="bb-membership-row" key={c.id}>
                  <Link to={`/c/${c.slug}`} style={{ minWidth: 0 }}>
                    {localName(c, i18n.language)}
                  </Link>
                  {c.role ? <RoleTag role={c.role} style={{ marginInlineEnd: 0 }} /> : <PlatformAdminTag />}
                </div>
              ))
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('account.changePassword')}>
            <Form<PasswordValues> form={passwordForm} layout="vertical" requiredMark={false} onFinish={(v) => changePassword.mutate(v)}>
              <Form.Item name="currentPassword" label={t('fields.currentPassword')} rules={[{ required: true, message: t('validation.passwordRequired') }]}>
                <Input.Password autoComplete="current-password" data-testid="current-password" />
              </Form.Item>
              <NewPasswordFields />
              <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={changePassword.isPending} data-testid="change-password-submit">
                {t('account.changePassword')}
              </Button>
              <div style={{ marginTop: 12, color: 'rgba(0,0,0,0.45)', fontSize: 13 }}>{t('account.otherSessionsNote')}</div>
            </Form>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
