/**
 * One application as organisers screen it, in a drawer: the project, team, answers and deck;
 * screening in or out with a note (refused once judging has taken it up); the directory project
 * and organisation it stands for (for recusal and follow-ups); and the rounds it is in.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Divider, Empty, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPLICATION_LIMITS } from '../../../shared/schemas/applications';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useTaxonomy } from '../../lib/taxonomy';
import { ApiError } from '../../services/api';
import { applicationKeys, applicationsApi, type ApplicationDetail } from '../../services/applications';
import { RecordDrawer, RecordSelect } from '../directory/formSupport';
import { LoadError } from '../States';
import { ApplicationStatusTag } from './ApplicationStatusTag';

function answerText(value: unknown, yes: string, no: string): string {
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? yes : no;
  return value === undefined || value === null ? '' : String(value);
}

function Screening({ app, communityId, onSaved }: { app: ApplicationDetail; communityId: string; onSaved: (a: ApplicationDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ note: string }>();
  const screen = useMutation({
    mutationFn: (decision: 'in' | 'out') => applicationsApi.screen(communityId, app.eventId, app.id, { decision, note: form.getFieldValue('note') ?? '', version: app.version }),
    onSuccess: (a) => {
      void message.success(t(a.status === 'screened_in' ? 'applications.screen.doneIn' : 'applications.screen.doneOut'));
      onSaved(a);
    },
    onError: (error) => onError(error, form, ['note']),
  });
  if (app.status === 'withdrawn') return <Alert type="warning" showIcon title={t('applications.screen.withdrawn')} />;
  if (app.roundCount > 0) return <Alert type="info" showIcon title={t('applications.screen.inRound')} data-testid="applications-screen-locked" />;
  return (
    <Form form={form} layout="vertical" initialValues={{ note: app.screeningNote }} key={app.version}>
      <Form.Item name="note" label={t('applications.screen.note')} extra={t('applications.screen.noteHelp')}>
        <Input.TextArea maxLength={APPLICATION_LIMITS.note} showCount autoSize={{ minRows: 2, maxRows: 6 }} data-testid="applications-screen-note" />
      </Form.Item>
      <Space wrap>
        <Button type="primary" loading={screen.isPending && screen.variables === 'in'} onClick={() => screen.mutate('in')} data-testid="applications-screen-in">
          {t('applications.screen.in')}
        </Button>
        <Button danger loading={screen.isPending && screen.variables === 'out'} onClick={() => screen.mutate('out')} data-testid="applications-screen-out">
          {t('applications.screen.out')}
        </Button>
      </Space>
    </Form>
  );
}

function Links({ app, communityId, onSaved }: { app: ApplicationDetail; communityId: string; onSaved: (a: ApplicationDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ projectId: string | null; organisationId: string | null }>();
  const save = useMutation({
    mutationFn: (v: { projectId: string | null; organisationId: string | null }) =>
      applicationsApi.setLinks(communityId, app.eventId, app.id, { projectId: v.projectId ?? null, organisationId: v.organisationId ?? null, version: app.version }),
    onSuccess: (a) => {
      void message.success(t('applications.links.saved'));
      onSaved(a);
    },
    onError: (error) => onError(error, form, ['projectId', 'organisationId']),
  });
  return (
    <Form form={form} layout="vertical" key={app.version} initialValues={{ projectId: app.project?.id ?? null, organisationId: app.organisation?.id ?? null }} onFinish={(v) => save.mutate(v)}>
      <Form.Item name="projectId" label={t('applications.links.project')}>
        <RecordSelect type="project" known={app.project ? [app.project] : []} testId="applications-link-project" />
      </Form.Item>
      <Form.Item name="organisationId" label={t('applications.links.organisation')}>
        <RecordSelect type="organisation" known={app.organisation ? [app.organisation] : []} testId="applications-link-organisation" />
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending} data-testid="applications-link-save">
        {t('applications.links.save')}
      </Button>
    </Form>
  );
}

export function ApplicationDetailDrawer(props: { communityId: string; eventId: string; timeZone: string; applicationId: string | null; onClose: () => void; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const taxonomy = useTaxonomy();
  const queryClient = useQueryClient();
  const id = props.applicationId;
  const query = useQuery({
    queryKey: applicationKeys.detail(props.eventId, id ?? ''),
    queryFn: () => applicationsApi.get(props.communityId, props.eventId, id!),
    enabled: id !== null,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  const saved = (a: ApplicationDetail) => {
    queryClient.setQueryData(applicationKeys.detail(props.eventId, a.id), a);
    props.onChanged();
  };
  const app = query.data;
  const lang = i18n.language;

  return (
    <RecordDrawer open={id !== null} onClose={props.onClose} title={app?.projectName ?? t('applications.detail.title')} width={720} testId="applications-detail">
      {query.isLoading && <Spin />}
      {query.error && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {app && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <ApplicationStatusTag status={app.status} />
            {app.roundCount > 0 && <Tag color="purple">{t('applications.list.inRounds', { count: app.roundCount })}</Tag>}
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('applications.form.organisationName')}>{app.organisationName}</Descriptions.Item>
            {app.segment && <Descriptions.Item label={t('applications.form.segment')}>{taxonomy.name('segment', app.segment)}</Descriptions.Item>}
            <Descriptions.Item label={t('applications.form.summary')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{app.summary || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('applications.form.teamSection')}>
              {app.team.length ? app.team.map((m) => (m.role ? `${m.name}（${m.role}）` : m.name)).join('；') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('applications.form.contactSection')}>
              {[app.contactName, app.contactEmail, app.contactPhone].filter(Boolean).join(' · ')}
            </Descriptions.Item>
            {app.applicantAccount && <Descriptions.Item label={t('applications.detail.account')}>{app.applicantAccount}</Descriptions.Item>}
            <Descriptions.Item label={t('applications.detail.submittedAt')}>{formatDateTime(app.createdAt, lang, props.timeZone)}</Descriptions.Item>
            <Descriptions.Item label={t('applications.detail.deck')}>
              {app.deck ? (
                <a href={applicationsApi.deckUrl(props.communityId, props.eventId, app.id)} data-testid="applications-detail-deck">
                  <DownloadOutlined /> {app.deck.filename}
                </a>
              ) : (
                t('applications.deck.none')
              )}
            </Descriptions.Item>
            {app.questions.map((q) => (
              <Descriptions.Item key={q.id} label={q.label}>
                {answerText(app.answers[q.id], t('applications.yes'), t('applications.no')) || '—'}
              </Descriptions.Item>
            ))}
            {app.screenedAt && (
              <Descriptions.Item label={t('applications.detail.screened')}>
                {formatDateTime(app.screenedAt, lang, props.timeZone)}
                {app.screenedBy ? ` · ${app.screenedBy}` : ''}
              </Descriptions.Item>
            )}
          </Descriptions>

          <Divider titlePlacement="start">{t('applications.detail.screening')}</Divider>
          <Screening app={app} communityId={props.communityId} onSaved={saved} />

          <Divider titlePlacement="start">{t('applications.detail.links')}</Divider>
          <Typography.Paragraph type="secondary">{t('applications.links.help')}</Typography.Paragraph>
          <Links app={app} communityId={props.communityId} onSaved={saved} />

          <Divider titlePlacement="start">{t('applications.detail.rounds')}</Divider>
          {app.rounds.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.detail.noRounds')} />
          ) : (
            <Descriptions column={1} size="small">
              {app.rounds.map((r) => (
                <Descriptions.Item key={r.roundId} label={r.roundName}>
                  <Space wrap>
                    <Tag>{t(`applications.roundStatuses.${r.roundStatus}`)}</Tag>
                    {r.publishedRank !== null && <span>{t('applications.detail.rank', { rank: r.publishedRank })}</span>}
                    {r.award && <Tag color="gold">{r.award}</Tag>}
                    {r.advanced && <Tag color="green">{t('applications.progress.advancedYes')}</Tag>}
                  </Space>
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
        </>
      )}
    </RecordDrawer>
  );
}
