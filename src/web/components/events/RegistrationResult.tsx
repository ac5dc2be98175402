/** What the registrant sees right after sending the form: confirmed (QR), waitlisted (place in line) or pending. */
import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { registrationsApi, type RegistrationCreated } from '../../services/registrations';
import { RegistrationTicketCode } from './RegistrationTicketCode';

export function RegistrationResult({ result, onAnother }: { result: RegistrationCreated; onAnother: () => void }) {
  const { t } = useTranslation();
  const actions = (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {result.status === 'confirmed' && (
        <Button block size="large" href={registrationsApi.icsUrl(result.manageToken)} data-testid="registrations-ics">
          {t('registrations.own.ics')}
        </Button>
      )}
      <Link to={`/r/${result.manageToken}`} data-testid="registrations-manage-link">
        <Button block size="large" type="primary">
          {t('registrations.result.manage')}
        </Button>
      </Link>
      <Button block type="link" onClick={onAnother} data-testid="registrations-another">
        {t('registrations.result.another')}
      </Button>
    </Space>
  );
  if (result.status === 'confirmed') {
    return (
      <Result status="success" title={t('registrations.result.confirmed')} subTitle={t('registrations.result.confirmedText')} data-testid="registrations-result-confirmed">
        {result.code && <RegistrationTicketCode token={result.manageToken} code={result.code} />}
        <div style={{ marginTop: 24 }}>{actions}</div>
      </Result>
    );
  }
  if (result.status === 'waitlisted') {
    return (
      <Result
        status="warning"
        title={t('registrations.result.waitlisted')}
        subTitle={t('registrations.result.waitlistedText', { position: result.waitlistPosition ?? 1 })}
        extra={actions}
        data-testid="registrations-result-waitlisted"
      />
    );
  }
  return <Result status="info" title={t('registrations.result.pending')} subTitle={t('registrations.result.pendingText')} extra={actions} data-testid="registrations-result-pending" />;
}
