/**
 * An applicant's own page from the e-mailed link (/a/:token), phone-first: where the application
 * stands (submitted → screened → each published round's rank, award and whether it goes on),
 * what was sent, the deck, editing until the deadline, and withdrawing.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Popconfirm, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApplicationDeck } from '../../components/events/ApplicationDeck';
import { APPLICATION_FORM_FIELDS, ApplicationForm, cleanAnswers, type ApplicationFormValues } from '../../components/events/ApplicationForm';
import { ApplicationProgress } from '../../components/events/ApplicationProgress';
import { ApplicationStatusTag } from '../../components/events/ApplicationStatusTag';
import { formatEventRange } from '../../components/events/EventTime';
import { PublicShell } from '../../components/events/PublicShell';
import { LoadError, PageSkeleton } from '../../components/States';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime, localName } from '../../lib/format';
import { useTaxonomy } from '../../lib/taxonomy';
import { ApiError } from '../../services/api';
import { applicationKeys, applicationsApi, type MyApplication } from '../../services/applications';

function answerText(value: unknown, yes: string, no: string): string {
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? yes : no;
  return value === undefined || value === null ? '' : String(value);
}

function Submitted({ app }: { app: MyApplication }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  return (
    <Descriptions column={1} size="small" bordered data-testid="applications-submitted">
      <Descriptions.Item label={t('applications.form.projectName')}>{app.projectName}</Descriptions.Item>
      <Descriptions.Item label={t('applications.form.organisationName')}>{app.organisationName}</Descriptions.Item>
      {app.segment && <Descriptions.Item label={t('applications.form.segment')}>{taxonomy.name('segment', app.segment)}</Descriptions.Item>}
      <Descriptions.Item label={t('applications.form.summary')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{app.summary || '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('applications.form.teamSection')}>
        {app.team.length ? app.team.map((m) => (m.role ? `${m.name}（${m.role}）` : m.name)).join('；') : '—'}
      </Descriptions.Item>
      {app.questions.map((q) => (
        <Descriptions.Item key={q.id} label={q.label}>
          {answerText(app.answers[q.id], t('applications.yes'), t('applications.no')) || '—'}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('applications.form.contactSection')}>
        {[app.contactName, app.contactEmail, app.contactPhone].filter(Boolean).join(' · ')}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function MyApplicationPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<ApplicationFormValues>();
  const query = useQuery({ queryKey: applicationKeys.mine(token), queryFn: () => applicationsApi.mine(token), retry: false });
  const store = (app: MyApplication) => queryClient.setQueryData(applicationKeys.mine(token), app);

  const save = useMutation({
    mutationFn: (values: ApplicationFormValues) =>
      applicationsApi.updateMine(token, {
        projectName: values.projectName,
        organisationName: values.organisationName,
        summary: values.summary ?? '',
        segment: values.segment ?? null,
        team: (values.team ?? []).filter((m) => m.name?.trim()),
        answers: cleanAnswers(values.answers),
        contactName: values.contactName,
        contactPhone: values.contactPhone ?? '',
        version: query.data!.version,
      }),
    onSuccess: (app) => {
      store(app);
      setEditing(false);
      void message.success(t('applications.mine.saved'));
    },
    onError: (error) => {
      onError(error, form, APPLICATION_FORM_FIELDS);
      if (error instanceof ApiError && (error.code === 'version_conflict' || error.code === 'applications_closed')) void query.refetch();
    },
  });
  const withdraw = useMutation({
    mutationFn: () => applicationsApi.withdraw(token, query.data!.version),
    onSuccess: (app) => {
      store(app);
      void message.success(t('applications.mine.withdrawn'));
    },
    onError: (error) => {
      onError(error);
      void query.refetch();
    },
  });

  if (query.isLoading) {
    return (
      <PublicShell>
        <PageSkeleton />
      </PublicShell>
    );
  }
  if (query.error || !query.data) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <PublicShell>
        {notFound ? (
          <Result status="404" title={t('applications.mine.notFound')} subTitle={t('applications.mine.notFoundHelp')} data-testid="applications-mine-not-found" />
        ) : (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </PublicShell>
    );
  }
  const app = query.data;
  const tz = app.event.timeZone;

  return (
    <PublicShell>
      <Card style={{ marginBottom: 16 }} data-testid="applications-mine">
        <Typography.Text type="secondary">{localName(app.event.community, i18n.language)}</Typography.Text>
        <Typography.Title level={4} style={{ marginTop: 4 }}>
          <Link to={`/e/${app.event.id}`}>{app.event.title}</Link>
        </Typography.Title>
        <Space orientation="vertical" size={4}>
          <Typography.Text>{formatEventRange(app.event.startsAt, app.event.endsAt, i18n.language, tz)}</Typography.Text>
          {app.event.venue && <Typography.Text type="secondary">{app.event.venue}</Typography.Text>}
          <Space wrap>
            <Typography.Text strong>{app.projectName}</Typography.Text>
            <ApplicationStatusTag status={app.status} />
          </Space>
          {app.applicationDeadline && (
            <Typography.Text type="secondary">{t('applications.mine.deadline', { deadline: formatDateTime(app.applicationDeadline, i18n.language, tz) })}</Typography.Text>
          )}
        </Space>
      </Card>

      <Card title={t('applications.mine.progress')} style={{ marginBottom: 16 }}>
        <ApplicationProgress app={app} />
        {app.results.length === 0 && app.status === 'screened_in' && <Typography.Text type="secondary">{t('applications.mine.awaitingResults')}</Typography.Text>}
      </Card>

      <Card title={t('applications.mine.deck')} style={{ marginBottom: 16 }}>
        <ApplicationDeck token={token} deck={app.deck} editable={app.editable} onUploaded={store} />
      </Card>

      <Card
        title={t('applications.mine.application')}
        style={{ marginBottom: 16 }}
        extra={
          app.editable &&
          !editing && (
            <Button onClick={() => setEditing(true)} data-testid="applications-edit">
              {t('applications.mine.edit')}
            </Button>
          )
        }
      >
        {!app.editable && app.status !== 'withdrawn' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('applications.mine.locked')} />}
        {editing ? (
          <ApplicationForm
            form={form}
            mode="edit"
            questions={app.questions}
            initialValues={{
              projectName: app.projectName,
              organisationName: app.organisationName,
              summary: app.summary,
              segment: app.segment,
              team: app.team,
              answers: app.answers as ApplicationFormValues['answers'],
              contactName: app.contactName,
              contactPhone: app.contactPhone,
            }}
            submitting={save.isPending}
            submitLabel={t('applications.mine.save')}
            onSubmit={(values) => save.mutate(values)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <Submitted app={app} />
        )}
      </Card>

      {app.withdrawable && (
        <Popconfirm title={t('applications.mine.withdrawConfirm')} okText={t('applications.mine.withdraw')} okButtonProps={{ danger: true }} onConfirm={() => withdraw.mutate()}>
          <Button danger block size="large" loading={withdraw.isPending} data-testid="applications-withdraw">
            {t('applications.mine.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </PublicShell>
  );
}
