import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** Cancel and save, right-aligned at the foot of a lifecycle form. */
export function ModalButtons({ onCancel, pending, testId }: { onCancel: () => void; pending: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
      <Space>
        <Button onClick={onCancel}>{t('lifecycle.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={pending} data-testid={testId}>
          {t('lifecycle.save')}
        </Button>
      </Space>
    </div>
  );
}
