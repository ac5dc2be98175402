import { Button, Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../lib/session';

export function NoCommunitiesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user;
  return (
    <div className="bb-center-page">
      <Card variant="borderless" style={{ maxWidth: 560, width: '100%' }} data-testid="no-communities">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <Typography.Title level={4} style={{ marginTop: 8 }}>
                {t('noCommunities.title', { name: user?.displayName ?? '' })}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{t('noCommunities.text')}</Typography.Paragraph>
            </>
          }
        >
          {user?.isPlatformAdmin && (
            <Link to="/admin/communities">
              <Button type="primary">{t('noCommunities.create')}</Button>
            </Link>
          )}
        </Empty>
      </Card>
    </div>
  );
}
