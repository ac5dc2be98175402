import { Button, Card, Result, Skeleton } from 'antd';
import type React from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../lib/errors';

export function PageSkeleton() {
  return (
    <Card variant="borderless" data-testid="page-loading">
      <Skeleton active paragraph={{ rows: 6 }} />
    </Card>
  );
}

/** A full-page status message (404, 403) with one way out. */
export function StatusResult(props: {
  status: '404' | '403';
  titleKey: string;
  descriptionKey: string;
  testId: string;
  to: string;
  actionKey: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  return (
    <div className="bb-center-page" style={props.style} data-testid={props.testId}>
      <Result
        status={props.status}
        title={t(props.titleKey)}
        subTitle={t(props.descriptionKey)}
        extra={
          <Link to={props.to}>
            <Button type="primary">{t(props.actionKey)}</Button>
          </Link>
        }
      />
    </div>
  );
}

export function NotFoundResult() {
  return <StatusResult status="404" titleKey="notFound.title" descriptionKey="notFound.description" testId="not-found" to="/" actionKey="notFound.backHome" />;
}

export function ForbiddenResult() {
  return <StatusResult status="403" titleKey="forbidden.title" descriptionKey="forbidden.description" testId="forbidden" to="/" actionKey="notFound.backHome" />;
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={errorText(t, error)}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
