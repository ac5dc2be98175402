/**
 * The call for applications of a roadshow or competition, as organisers set it: open or closed,
 * the deadline (picked in the community's time zone), and the form's own questions. Saved with
 * the event's version; a stale one reloads the event and says so.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../domain/events/questions';
import { useApiErrorHandler } from '../../lib/errors';
import { zoneOffsetLabel } from '../../lib/format';
import { ApiError } from '../../services/api';
import { applicationKeys, applicationsApi } from '../../services/applications';
import { eventKeys } from '../../services/events';
import { fromPicker, toPicker } from './EventTime';
import { QuestionsEditor } from './QuestionsEditor';
import type { EventTabProps } from './types';

interface Values {
  applicationsOpen: boolean;
  deadline: Dayjs | null;
  questions: Question[];
}

export function ApplicationCallSettings({ event }: EventTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const tz = event.timeZone;

  const save = useMutation({
    mutationFn: (v: Values) =>
      applicationsApi.setCall(event.communityId, event.id, {
        applicationsOpen: v.applicationsOpen,
        applicationDeadline: v.deadline ? fromPicker(v.deadline, tz) : null,
        applicationQuestions: (v.questions ?? []).map((q) => ({ ...q, label: q.label.trim() })),
        version: event.version,
      }),
    onSuccess: () => {
      void message.success(t('applications.call.saved'));
      void queryClient.invalidateQueries({ queryKey: eventKeys.detail(event.communityId, event.id) });
      void queryClient.invalidateQueries({ queryKey: applicationKeys.call(event.id) });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        void message.warning(t('applications.call.stale'));
        void queryClient.invalidateQueries({ queryKey: eventKeys.detail(event.communityId, event.id) });
        return;
      }
      onError(error, form, ['applicationsOpen', 'applicationDeadline', 'applicationQuestions']);
    },
  });

  // Read once when the tab opens: a stale warning is harmless, a re-render per tick is not worth it.
  const [loadedAt] = useState(() => Date.now());
  const deadlinePassed = event.applicationDeadline !== null && new Date(event.applicationDeadline).getTime() <= loadedAt;
  return (
    <Card title={t('applications.call.title')} data-testid="applications-call-settings" style={{ marginBottom: 16 }}>
      {event.status !== 'published' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('applications.call.unpublished')} />}
      {event.applicationsOpen && deadlinePassed && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('applications.call.deadlinePassed')} />}
      <Form<Values>
        form={form}
        layout="vertical"
        key={event.version}
        initialValues={{ applicationsOpen: event.applicationsOpen, deadline: toPicker(event.applicationDeadline, tz), questions: event.applicationQuestions }}
        onFinish={(v) => save.mutate(v)}
      >
        <Space wrap size={24} align="start">
          <Form.Item name="applicationsOpen" label={t('applications.call.open')} valuePropName="checked">
            <Switch data-testid="applications-call-open" />
          </Form.Item>
          <Form.Item name="deadline" label={t('applications.call.deadline', { zone: zoneOffsetLabel(tz) })} extra={t('applications.call.deadlineHelp')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="applications-call-deadline" />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>{t('applications.call.questions')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('applications.call.questionsHelp')}</Typography.Paragraph>
        <Form.Item name="questions">
          <QuestionsEditor testId="applications-questions" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="applications-call-save">
            {t('applications.call.save')}
          </Button>
          <a href={`/e/${event.id}/apply`} target="_blank" rel="noreferrer" data-testid="applications-call-link">
            {t('applications.call.publicLink')}
          </a>
        </Space>
      </Form>
    </Card>
  );
}
