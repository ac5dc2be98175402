import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function absoluteLink(link: string): string {
  if (/^https?:\/\//.test(link)) return link;
  return `${window.location.origin}${link.startsWith('/') ? '' : '/'}${link}`;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API needs a secure context; fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function CopyLink({ link, testId }: { link: string; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);
  const url = absoluteLink(link);
  return (
    <div className="bb-link-box">
      <Input value={url} readOnly data-testid={testId} onFocus={(e) => e.target.select()} />
      <Button
        type="primary"
        icon={copied ? <CheckOutlined /> : <CopyOutlined />}
        onClick={async () => {
          const ok = await copyText(url);
          setCopied(ok);
          if (ok) void message.success(t('common.copied'));
          else void message.error(t('common.copyFailed'));
        }}
        data-testid={testId ? `${testId}-copy` : undefined}
      >
        {copied ? t('common.copied') : t('common.copy')}
      </Button>
    </div>
  );
}
