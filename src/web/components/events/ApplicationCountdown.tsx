import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Time left until the deadline ("还剩 3 天 4 小时"), refreshed every half minute; nothing once passed. */
export function ApplicationCountdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const left = new Date(deadline).getTime() - now;
  if (left <= 0) return null;
  const minutes = Math.floor(left / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const text = days > 0 ? t('applications.countdown.days', { days, hours }) : hours > 0 ? t('applications.countdown.hours', { hours, minutes: mins }) : t('applications.countdown.minutes', { minutes: Math.max(1, mins) });
  return (
    <Typography.Text type={days < 1 ? 'danger' : 'success'} data-testid="applications-countdown">
      {text}
    </Typography.Text>
  );
}
