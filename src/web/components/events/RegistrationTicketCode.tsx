/** The check-in QR code (the server's SVG, big enough to scan from a phone) with the code as text. */
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { registrationsApi } from '../../services/registrations';

export function RegistrationTicketCode({ token, code }: { token: string; code: string }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" align="center" style={{ width: '100%' }} data-testid="registrations-ticket-code">
      <img src={registrationsApi.qrUrl(token)} alt={t('registrations.own.qrAlt')} width={240} height={240} style={{ maxWidth: '80vw', height: 'auto', background: '#fff' }} data-testid="registrations-qr" />
      <Typography.Text type="secondary">{t('registrations.own.code')}</Typography.Text>
      <Typography.Text strong copyable style={{ fontSize: 28, letterSpacing: 4, fontFamily: 'monospace' }} data-testid="registrations-code">
        {code}
      </Typography.Text>
      <Typography.Text type="secondary">{t('registrations.own.showAtDoor')}</Typography.Text>
    </Space>
  );
}
