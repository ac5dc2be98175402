import { CrownOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MembershipRole } from '../services/types';

export const ROLE_COLORS: Record<MembershipRole, string> = {
  community_admin: 'gold',
  staff: 'cyan',
  member: 'blue',
  investor: 'purple',
  judge: 'magenta',
  service_provider: 'green',
  viewer: 'default',
};

export function RoleTag({ role, style }: { role: MembershipRole | null; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  if (!role) return null;
  return (
    <Tag color={ROLE_COLORS[role]} style={style} icon={role === 'community_admin' ? <CrownOutlined /> : undefined}>
      {t(`roles.${role}`)}
    </Tag>
  );
}

export function PlatformAdminTag() {
  const { t } = useTranslation();
  return <Tag color="volcano">{t('roles.platform_admin')}</Tag>;
}
