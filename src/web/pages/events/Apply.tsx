/**
 * The call for applications of a roadshow or competition (/e/:eventId/apply), phone-first:
 * the call (deadline in the community's time zone, with a countdown), the form, then the deck
 * upload, then the link to the applicant's own page (also sent by e-mail).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Result, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApplicationCountdown } from '../../components/events/ApplicationCountdown';
import { ApplicationDeck } from '../../components/events/ApplicationDeck';
import { APPLICATION_FORM_FIELDS, ApplicationForm, cleanAnswers, type ApplicationFormValues } from '../../components/events/ApplicationForm';
import { formatEventRange } from '../../components/events/EventTime';
import { PublicShell } from '../../components/events/PublicShell';
import { LoadError, PageSkeleton } from '../../components/States';
import { useApiErrorHandler } from '../../lib/errors';
import { localName } from '../../lib/format';
import { useSession } from '../../lib/session';
import { ApiError } from '../../services/api';
import { applicationKeys, applicationsApi, type ApplicationCreated, type MyApplication, type PublicCall } from '../../services/applications';

function CallHeader({ call }: { call: PublicCall }) {
  const { t, i18n } = useTranslation();
  return (
    <Card style={{ marginBottom: 16 }} data-testid="applications-call">
      <Typography.Text type="secondary">{localName(call.community, i18n.language)}</Typography.Text>
      <Typography.Title level={3} style={{ marginTop: 4 }}>
        {t('applications.apply.title', { title: call.title })}
      </Typography.Title>
      {call.summary && <Typography.Paragraph>{call.summary}</Typography.Paragraph>}
      <Space orientation="vertical" size={4}>
        <Typography.Text>
          {t('applications.apply.eventTime')}: {formatEventRange(call.startsAt, call.endsAt, i18n.language, call.timeZone)}
        </Typography.Text>
        {call.venue && (
          <Typography.Text>
            {t('applications.apply.venue')}: {call.venue}
          </Typography.Text>
        )}
        {call.deadlineText ? (
          <Space wrap>
            <Typography.Text strong data-testid="applications-deadline">
              {t('applications.apply.deadline', { deadline: call.deadlineText })}
            </Typography.Text>
            {call.open && call.applicationDeadline && <ApplicationCountdown deadline={call.applicationDeadline} />}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('applications.apply.noDeadline')}</Typography.Text>
        )}
      </Space>
      <div style={{ marginTop: 12 }}>
        <Link to={`/e/${call.eventId}`}>{t('applications.apply.eventPage')}</Link>
      </div>
    </Card>
  );
}

export function ApplyPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user ?? null;
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<ApplicationFormValues>();
  const [created, setCreated] = useState<ApplicationCreated | null>(null);
  const [current, setCurrent] = useState<MyApplication | null>(null);
  const [done, setDone] = useState(false);
  const call = useQuery({ queryKey: applicationKeys.call(eventId), queryFn: () => applicationsApi.call(eventId), retry: false, enabled: !session.isLoading });

  const apply = useMutation({
    mutationFn: (values: ApplicationFormValues) =>
      applicationsApi.apply(eventId, {
        projectId: values.projectId ?? null,
        projectName: values.projectName,
        organisationName: values.organisationName,
        summary: values.summary ?? '',
        segment: values.segment ?? null,
        team: (values.team ?? []).filter((m) => m.name?.trim()),
        answers: cleanAnswers(values.answers),
        contactName: values.contactName,
        contactEmail: values.contactEmail ?? '',
        contactPhone: values.contactPhone ?? '',
      }),
    onSuccess: (app) => {
      setCreated(app);
      setCurrent(app);
      window.scrollTo({ top: 0 });
    },
    onError: (error) => {
      onError(error, form, APPLICATION_FORM_FIELDS);
      if (error instanceof ApiError && error.code === 'applications_closed') void call.refetch();
    },
  });

  if (call.isLoading || session.isLoading) {
    return (
      <PublicShell>
        <PageSkeleton />
      </PublicShell>
    );
  }
  if (call.error || !call.data) {
    const notFound = call.error instanceof ApiError && call.error.status === 404;
    return (
      <PublicShell>
        {notFound ? (
          <Result status="404" title={t('applications.apply.notFound')} subTitle={t('applications.apply.notFoundHelp')} data-testid="applications-not-found" />
        ) : (
          <LoadError error={call.error} onRetry={() => void call.refetch()} />
        )}
      </PublicShell>
    );
  }
  const data = call.data;
  const step = done ? 2 : created ? 1 : 0;
  const pageLink = created ? `${window.location.origin}/a/${created.manageToken}` : '';

  return (
    <PublicShell>
      <CallHeader call={data} />
      {(data.open || created) && (
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 16 }}
          items={[{ title: t('applications.apply.stepForm') }, { title: t('applications.apply.stepDeck') }, { title: t('applications.apply.stepDone') }]}
        />
      )}
      {!data.open && !created && <Alert type="warning" showIcon title={t('applications.apply.closed')} description={t('applications.apply.closedHelp')} data-testid="applications-closed" />}
      {data.open && !created && (
        <>
          {!user && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('applications.apply.anonymousHint')} data-testid="applications-anonymous-hint" />
          )}
          <ApplicationForm
            form={form}
            mode="apply"
            questions={data.questions}
            myProjects={data.myProjects}
            initialValues={{ team: [], answers: {}, contactName: user?.displayName ?? '', contactEmail: user?.email ?? '', contactPhone: '', summary: '' }}
            submitting={apply.isPending}
            submitLabel={t('applications.apply.submit')}
            onSubmit={(values) => apply.mutate(values)}
          />
        </>
      )}
      {created && current && !done && (
        <Card title={t('applications.apply.deckTitle')} data-testid="applications-deck-step">
          <Typography.Paragraph>{t('applications.apply.deckHelp')}</Typography.Paragraph>
          <ApplicationDeck token={created.manageToken} deck={current.deck} editable={current.editable} onUploaded={setCurrent} />
          <Button type="primary" size="large" block style={{ marginTop: 16 }} onClick={() => setDone(true)} data-testid="applications-deck-continue">
            {current.deck ? t('applications.apply.finish') : t('applications.apply.skipDeck')}
          </Button>
        </Card>
      )}
      {created && done && (
        <Result
          status="success"
          title={t('applications.apply.doneTitle')}
          subTitle={t('applications.apply.doneHelp', { email: created.contactEmail })}
          data-testid="applications-done"
          extra={
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Paragraph copyable={{ text: pageLink }} style={{ wordBreak: 'break-all' }}>
                {pageLink}
              </Typography.Paragraph>
              <Link to={`/a/${created.manageToken}`} data-testid="applications-my-page">
                <Button type="primary" size="large">
                  {t('applications.apply.openMyPage')}
                </Button>
              </Link>
            </Space>
          }
        />
      )}
    </PublicShell>
  );
}
