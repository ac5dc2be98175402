/**
 * On the public event page, for a signed-in confirmed attendee (or an organiser): the projects
 * presented with their profiles and the materials shared with this event's attendees. Renders
 * nothing for everyone else (the room answers 404) and while loading; one column on phones.
 */
import { FileOutlined, FilePdfOutlined, FilePptOutlined, FileImageOutlined, LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { ApiError } from '../../services/api';
import { eventOutcomeKeys, eventOutcomesApi, type RoomFile, type RoomProject } from '../../services/eventOutcomes';
import { sizeText, termName } from './OutcomeCommon';

function FileIcon({ type }: { type: string }) {
  if (type === 'application/pdf') return <FilePdfOutlined />;
  if (type.startsWith('image/')) return <FileImageOutlined />;
  if (type.includes('presentation')) return <FilePptOutlined />;
  return <FileOutlined />;
}

function Files({ files }: { files: RoomFile[] }) {
  const { t } = useTranslation();
  if (files.length === 0) return <Typography.Text type="secondary">{t('eventOutcomes.room.noFiles')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={files}
      renderItem={(f) => (
        <List.Item style={{ paddingInline: 0 }}>
          <a href={f.url} target="_blank" rel="noopener noreferrer" data-testid="eventOutcomes-room-file" style={{ display: 'inline-flex', gap: 8, minHeight: 40, alignItems: 'center' }}>
            <FileIcon type={f.contentType} />
            <span>{f.title}</span>
            <Typography.Text type="secondary">{sizeText(f.sizeBytes)}</Typography.Text>
          </a>
        </List.Item>
      )}
    />
  );
}

function ProjectCard({ project, timeZone }: { project: RoomProject; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const name = i18n.language === 'en' && project.nameEn ? project.nameEn : project.nameZh;
  const summary = i18n.language === 'en' && project.summaryEn ? project.summaryEn : project.summaryZh;
  return (
    <Card title={`${project.position + 1}. ${name}`} data-testid="eventOutcomes-room-project" style={{ height: '100%' }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap size={4}>
          {project.organisationName && <Typography.Text strong>{project.organisationName}</Typography.Text>}
          {project.segment && <Tag>{termName(project.segment, i18n.language)}</Tag>}
          {project.stage && <Tag color="blue">{termName(project.stage, i18n.language)}</Tag>}
        </Space>
        {project.session && (
          <Typography.Text type="secondary">
            {formatDateTime(project.session.startsAt, i18n.language, timeZone)} · {project.session.title}
          </Typography.Text>
        )}
        {summary && <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{summary}</Typography.Paragraph>}
        <Descriptions size="small" column={1}>
          {project.fundingSoughtFen !== null && <Descriptions.Item label={t('eventOutcomes.room.funding')}>{formatMoney(project.fundingSoughtFen, i18n.language)}</Descriptions.Item>}
          {project.team.length > 0 && <Descriptions.Item label={t('eventOutcomes.room.team')}>{project.team.map((m) => `${m.name}（${m.role}）`).join('、')}</Descriptions.Item>}
        </Descriptions>
        <Typography.Text strong>{t('eventOutcomes.room.files')}</Typography.Text>
        <Files files={project.files} />
      </Space>
    </Card>
  );
}

export function AttendeeMaterials({ eventId, timeZone = 'Asia/Shanghai' }: { eventId: string; timeZone?: string }) {
  const { t } = useTranslation();
  const room = useQuery({
    queryKey: eventOutcomeKeys.room(eventId),
    queryFn: () => eventOutcomesApi.room(eventId),
    // 404 means "not for you": no retry, nothing shown.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  if (!room.data) return null;
  const { projects, files } = room.data;
  return (
    <Card
      title={
        <Space>
          <LockOutlined />
          {t('eventOutcomes.room.title')}
        </Space>
      }
      data-testid="eventOutcomes-room"
    >
      <Alert type="warning" showIcon title={t('eventOutcomes.room.hint')} style={{ marginBottom: 16 }} />
      {projects.length === 0 && files.length === 0 ? (
        <Typography.Text type="secondary">{t('eventOutcomes.room.empty')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {files.length > 0 && (
            <div>
              <Typography.Title level={5}>{t('eventOutcomes.room.eventFiles')}</Typography.Title>
              <Files files={files} />
            </div>
          )}
          <Row gutter={[16, 16]}>
            {projects.map((p) => (
              <Col key={p.id} xs={24} md={12}>
                <ProjectCard project={p} timeZone={timeZone} />
              </Col>
            ))}
          </Row>
        </Space>
      )}
    </Card>
  );
}
