import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Radio, Result, Select, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PARTNERING_PRIORITIES, type PartneringPriority } from '../../../domain/partnering/vocabularies';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { contactLinks } from '../../lib/matching';
import { matchingApi, matchingKeys, type MatchPair } from '../../services/matching';

interface Values {
  pipeline?: string;
  eventId?: string;
  priority: PartneringPriority;
  message?: string;
}

/**
 * "已联系 / 发起对接": loads where the viewer can take the contact (a pipeline of a community where
 * they may write, a partnering event both sides take part in), submits it, then links to what was made.
 * The body is mounted only while open, so every opening starts afresh.
 */
export function ContactModal({ pair, open, onClose, onMarkOnly }: { pair: MatchPair; open: boolean; onClose: () => void; onMarkOnly?: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('matching.contact.title')} onCancel={onClose} destroyOnHidden footer={null}>
      {open && <ContactBody pair={pair} onClose={onClose} onMarkOnly={onMarkOnly} />}
    </Modal>
  );
}

function ContactBody({ pair, onClose, onMarkOnly }: { pair: MatchPair; onClose: () => void; onMarkOnly?: () => void }) {
  const { t, i18n } = useTranslation();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const session = useSession();
  const [form] = Form.useForm<Values>();
  const [chosen, setHow] = useState<'pipeline' | 'partnering' | null>(null);
  const [done, setDone] = useState<{ pipeline: string | null; partnering: string | null } | null>(null);

  const options = useQuery({ queryKey: matchingKeys.contactOptions(pair), queryFn: () => matchingApi.contactOptions(pair) });
  const pipelines = options.data?.pipelines ?? [];
  const events = options.data?.partneringEvents ?? [];
  const how = chosen ?? (pipelines.length > 0 || events.length === 0 ? 'pipeline' : 'partnering');

  const slugOf = (communityId: string) => session.data?.communities.find((c) => c.id === communityId)?.slug;

  const contact = useMutation({
    mutationFn: async (values: Values) => {
      if (how === 'pipeline') {
        const [communityId = '', pipelineId = ''] = (values.pipeline ?? '').split('/');
        const result = await matchingApi.contact({ ...pair, via: { kind: 'pipeline', communityId, pipelineId } });
        return contactLinks(result, { communityId, pipelineId }, slugOf);
      }
      const eventId = values.eventId ?? '';
      const result = await matchingApi.contact({ ...pair, via: { kind: 'partnering', eventId, priority: values.priority, message: values.message ?? '' } });
      return contactLinks(result, { eventId }, slugOf);
    },
    onSuccess: (links) => {
      setDone(links);
      void queryClient.invalidateQueries({ queryKey: matchingKeys.all });
    },
    onError: (e) => onError(e, form, ['pipeline', 'eventId', 'priority', 'message']),
  });

  const nothing = options.data && pipelines.length === 0 && events.length === 0;

  const footer = done ? (
    <Button onClick={onClose} data-testid="contact-close">
      {t('matching.contact.close')}
    </Button>
  ) : (
    <Space wrap>
      {onMarkOnly && (
        <Button
          onClick={() => {
            onMarkOnly();
            onClose();
          }}
          data-testid="contact-mark-only"
        >
          {t('matching.contact.markOnly')}
        </Button>
      )}
      <Button type="primary" loading={contact.isPending} disabled={!options.data || nothing} onClick={() => form.submit()} data-testid="contact-submit">
        {t('matching.contact.submit')}
      </Button>
    </Space>
  );

  return (
    <div data-testid="contact-modal">
      {done ? (
        <Result
          status="success"
          title={t('matching.contact.doneTitle')}
          subTitle={done.pipeline ? t('matching.contact.donePipeline') : t('matching.contact.donePartnering')}
          data-testid="contact-done"
          extra={
            <>
              {done.pipeline && (
                <Link to={done.pipeline} data-testid="contact-open-pipeline">
                  {t('matching.contact.openPipeline')}
                </Link>
              )}
              {done.partnering && (
                <Link to={done.partnering} data-testid="contact-open-partnering">
                  {t('matching.contact.openPartnering')}
                </Link>
              )}
            </>
          }
        />
      ) : options.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : options.isError ? (
        <Alert type="warning" showIcon title={t('common.loadFailed')} />
      ) : nothing ? (
        <Alert type="info" showIcon title={t('matching.contact.noOptions')} data-testid="contact-no-options" />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ priority: 'would_like' }} onFinish={(values) => contact.mutate(values)} requiredMark={false}>
          <Form.Item label={t('matching.contact.how')}>
            <Radio.Group value={how} onChange={(e) => setHow(e.target.value as 'pipeline' | 'partnering')} data-testid="contact-how">
              <Radio.Button value="pipeline" disabled={pipelines.length === 0}>
                <span data-testid="contact-how-pipeline">{t('matching.contact.pipeline')}</span>
              </Radio.Button>
              <Radio.Button value="partnering" disabled={events.length === 0}>
                <span data-testid="contact-how-partnering">{t('matching.contact.partnering')}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          {how === 'pipeline' ? (
            <Form.Item
              name="pipeline"
              label={t('matching.contact.pipelineField')}
              rules={[{ required: true, message: t('matching.contact.pipelineRequired') }]}
              extra={pipelines.length === 0 ? t('matching.contact.noPipelines') : undefined}
            >
              <Select
                data-testid="contact-pipeline"
                options={pipelines.map((p) => ({ value: `${p.communityId}/${p.pipelineId}`, label: `${p.communityName} · ${p.pipelineName}` }))}
              />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="eventId"
                label={t('matching.contact.event')}
                rules={[{ required: true, message: t('matching.contact.eventRequired') }]}
                extra={events.length === 0 ? t('matching.contact.noEvents') : undefined}
              >
                <Select
                  data-testid="contact-event"
                  options={events.map((e) => ({ value: e.eventId, label: `${e.title} · ${formatDateTime(e.startsAt, i18n.language)}` }))}
                />
              </Form.Item>
              <Form.Item name="priority" label={t('matching.contact.priority')}>
                <Radio.Group data-testid="contact-priority">
                  {PARTNERING_PRIORITIES.map((p) => (
                    <Radio key={p} value={p}>
                      {t(`matching.contact.priorities.${p}`)}
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
              <Form.Item name="message" label={t('matching.contact.message')}>
                <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('matching.contact.messagePlaceholder')} data-testid="contact-message" />
              </Form.Item>
            </>
          )}
        </Form>
      )}
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>{footer}</div>
    </div>
  );
}
