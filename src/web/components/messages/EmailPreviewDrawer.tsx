import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Grid, Skeleton, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../i18n';
import type { EmailPreview } from '../../services/messages';
import { LANGUAGE_NAMES } from '../LanguageSwitch';
import { LoadError } from '../States';

/**
 * One e-mail as its recipient sees it. The HTML goes into an iframe with an empty sandbox:
 * no scripts, no same-origin access, no forms, whatever a payload might have slipped in.
 */
export function EmailPreviewDrawer(props: {
  /** The message to show; null closes the drawer. */
  messageId: number | null;
  queryKey: readonly unknown[];
  load: (id: number) => Promise<EmailPreview>;
  onClose: () => void;
  /** Shown under the facts (a retry button in the platform log). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const isMobile = Grid.useBreakpoint().md === false;
  const id = props.messageId;
  const preview = useQuery({
    queryKey: [...props.queryKey, 'preview', id],
    queryFn: () => props.load(id!),
    enabled: id !== null,
  });
  const data = preview.data;

  return (
    <Drawer
      open={id !== null}
      onClose={props.onClose}
      size={isMobile ? '100%' : 760}
      title={t('messages.previewTitle')}
      destroyOnHidden
      data-testid="messages-preview-drawer"
    >
      {preview.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : preview.error ? (
        <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
      ) : data ? (
        <div style={{ display: 'grid', gap: 16 }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'subject', label: t('messages.columns.subject'), children: <Typography.Text strong data-testid="messages-preview-subject">{data.subject}</Typography.Text> },
              { key: 'recipient', label: t('messages.columns.recipient'), children: data.recipient },
              { key: 'template', label: t('messages.columns.template'), children: t(`messages.templates.${data.template}`, { defaultValue: data.template }) },
              {
                key: 'locale',
                label: t('messages.columns.locale'),
                children: t('messages.previewLocale', { language: isLanguage(data.locale) ? LANGUAGE_NAMES[data.locale] : data.locale }),
              },
            ]}
          />
          {data.redacted && <Alert type="info" showIcon title={t('messages.previewRedacted')} />}
          {props.extra}
          <Tabs
            items={[
              {
                key: 'html',
                label: <span data-testid="messages-preview-tab-html">{t('messages.previewHtml')}</span>,
                children: (
                  <iframe
                    title={t('messages.previewFrameTitle')}
                    sandbox=""
                    srcDoc={data.html}
                    data-testid="messages-preview-html"
                    style={{ width: '100%', height: isMobile ? 520 : 640, border: '1px solid #e3e8ec', borderRadius: 6, background: '#fff' }}
                  />
                ),
              },
              {
                key: 'text',
                label: <span data-testid="messages-preview-tab-text">{t('messages.previewText')}</span>,
                children: (
                  <pre className="bb-payload" style={{ maxHeight: 'none' }} data-testid="messages-preview-text">
                    {data.text}
                  </pre>
                ),
              },
            ]}
          />
        </div>
      ) : null}
    </Drawer>
  );
}
