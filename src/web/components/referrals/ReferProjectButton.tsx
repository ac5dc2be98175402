import { SendOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunity } from '../../lib/community';
import { ReferProjectModal } from './ReferProjectModal';

/**
 * "Refer to another community" on a project's profile: opens the referral form with the
 * project fixed. Shown only to those who hold pipeline.write in the current community.
 */
export function ReferProjectButton({ projectId, projectName }: { projectId: string; projectName: string }) {
  const { t } = useTranslation();
  const { community, can } = useCommunity();
  const [open, setOpen] = useState(false);
  if (!can('pipeline.write')) return null;
  return (
    <>
      <Button icon={<SendOutlined />} onClick={() => setOpen(true)} data-testid="refer-project">
        {t('referrals.refer.button')}
      </Button>
      <ReferProjectModal open={open} onClose={() => setOpen(false)} communityId={community.id} projectId={projectId} projectName={projectName} />
    </>
  );
}
