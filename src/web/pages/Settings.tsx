import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../services/api';
import type { Community } from '../services/types';
import { COMMUNITY_FIELD_NAMES, CommunityProfileFields, communityProfileBody, type CommunityProfileValues } from '../components/CommunityFormFields';
import { MatchProfileCard } from '../components/match-profile/MatchProfileCard';
import { PageHeader } from '../components/PageHeader';
import { communityDetailKey, useCommunity } from '../lib/community';
import { useApiErrorHandler } from '../lib/errors';
import { formatDateTime, localName } from '../lib/format';
import { SESSION_KEY } from '../lib/session';

type Values = CommunityProfileValues;

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const initial: Values = {
    kind: community.kind,
    nameZhHans: community.nameZhHans,
    nameZhHant: community.nameZhHant,
    nameEn: community.nameEn,
    province: community.province,
    city: community.city,
    timeZone: community.timeZone,
    website: community.website,
    descriptionZhHans: community.descriptionZhHans,
    descriptionZhHant: community.descriptionZhHant,
    descriptionEn: community.descriptionEn,
  };

  const save = useMutation({
    mutationFn: (v: Values) =>
      api.patch<Community>(`/api/communities/${community.id}`, communityProfileBody(v)),
    onSuccess: async () => {
      void message.success(t('settings.saved'));
      await queryClient.invalidateQueries({ queryKey: communityDetailKey(community.id) });
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      void queryClient.invalidateQueries({ queryKey: ['communities'] });
      void queryClient.invalidateQueries({ queryKey: ['audit', community.id] });
    },
    onError: (e) => onError(e, form, COMMUNITY_FIELD_NAMES),
  });

  return (
    <div data-testid="settings-page">
      <PageHeader
        title={t('settings.title')}
        subtitle={t('settings.subtitle', { community: localName(community, i18n.language), at: formatDateTime(community.updatedAt, i18n.language, community.timeZone) })}
      />
      <Card variant="borderless">
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} style={{ maxWidth: 960 }} scrollToFirstError>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('settings.profile')}
          </Typography.Title>
          <CommunityProfileFields />
          <Space>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="settings-save">
              {t('common.save')}
            </Button>
            <Button onClick={() => form.resetFields()}>{t('common.reset')}</Button>
            <Button type="link" onClick={() => void navigate(`/c/${community.slug}`)}>
              {t('common.back')}
            </Button>
          </Space>
        </Form>
      </Card>
      <MatchProfileCard />
    </div>
  );
}
