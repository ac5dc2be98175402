import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function ErrorPage({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="bb-center-page" data-testid="error-page">
      <Result
        status="500"
        title={t('errorPage.title')}
        subTitle={t('errorPage.description')}
        extra={[
          <Button type="primary" key="retry" onClick={onRetry} data-testid="error-retry">
            {t('common.retry')}
          </Button>,
          <Button key="home" href="/">
            {t('notFound.backHome')}
          </Button>,
        ]}
      />
    </div>
  );
}

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Catches render errors below it and offers to render again. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Render error', error, info.componentStack);
  }

  private readonly retry = (): void => {
    this.setState({ error: null });
  };

  override render(): ReactNode {
    if (this.state.error) return <ErrorPage onRetry={this.retry} />;
    return this.props.children;
  }
}
