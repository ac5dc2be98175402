/**
 * The applicant's deck: what is uploaded (name, size, download) and the upload or replacement
 * of it, PDF or PPTX. The server decides by the file's bytes; the picker only narrows the choice.
 */
import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../lib/errors';
import { useSession } from '../../lib/session';
import { applicationsApi, type Deck, type MyApplication } from '../../services/applications';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function ApplicationDeck(props: { token: string; deck: Deck | null; editable: boolean; onUploaded: (app: MyApplication) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const onError = useApiErrorHandler();
  const [uploading, setUploading] = useState(false);

  const send = async (file: File) => {
    setUploading(true);
    try {
      const app = await applicationsApi.uploadDeck(props.token, file, session.data?.csrfToken, i18n.language);
      void message.success(t('applications.deck.uploaded'));
      props.onUploaded(app);
    } catch (error) {
      onError(error);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="applications-deck">
      {props.deck ? (
        <Space wrap>
          <FilePdfOutlined />
          <a href={applicationsApi.myDeckUrl(props.token)} data-testid="applications-deck-download">
            {props.deck.filename}
          </a>
          <Typography.Text type="secondary">{size(props.deck.sizeBytes)}</Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('applications.deck.none')}</Typography.Text>
      )}
      {props.editable && (
        <Upload
          accept=".pdf,.pptx,application/pdf,application/vnd.openxmlformats-officedocument.presentationml.presentation"
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} size="large" loading={uploading} data-testid="applications-deck-upload">
            {props.deck ? t('applications.deck.replace') : t('applications.deck.upload')}
          </Button>
        </Upload>
      )}
      {props.editable && <Typography.Text type="secondary">{t('applications.deck.help')}</Typography.Text>}
    </Space>
  );
}
