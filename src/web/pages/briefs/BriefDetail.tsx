import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { BriefStatusTag } from '../../components/briefs/BriefBits';
import { TermTags, TextTags } from '../../components/directory/Facts';
import { MatchPanel } from '../../components/matching/MatchPanel';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageSkeleton } from '../../components/States';
import { recordName, recordNames } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDate, localName } from '../../lib/format';
import { ApiError } from '../../services/api';
import { briefKeys, briefsApi, type Brief } from '../../services/briefs';

/** /briefs/:briefId: the brief as a one-page sheet, its editors' actions, and suggested companies for them. */
export function BriefDetailPage() {
  const { briefId = '' } = useParams();
  const query = useQuery({ queryKey: briefKeys.one(briefId), queryFn: () => briefsApi.get(briefId) });
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundResult />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageSkeleton />;
  return <BriefSheet brief={query.data} />;
}

function Section({ title, text, testId }: { title: string; text: string; testId?: string }) {
  if (!text) return null;
  return (
    <div style={{ marginBottom: 16 }} data-testid={testId}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <p className="bb-description" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </p>
    </div>
  );
}

function BriefSheet({ brief: b }: { brief: Brief }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const names = recordNames(b.titleZh, b.titleEn, lang);

  const act = useMutation({
    mutationFn: async (action: 'publish' | 'withdraw' | 'delete') => {
      if (action === 'publish') return briefsApi.publish(b.id, b.version);
      if (action === 'withdraw') return briefsApi.withdraw(b.id, b.version);
      await briefsApi.remove(b.id);
      return null;
    },
    onSuccess: (saved, action) => {
      void queryClient.invalidateQueries({ queryKey: briefKeys.all });
      if (saved) queryClient.setQueryData(briefKeys.one(b.id), saved);
      void message.success(t(action === 'publish' ? 'briefs.detail.published' : action === 'withdraw' ? 'briefs.detail.withdrawn' : 'briefs.detail.deleted'));
      if (!saved) navigate('/briefs?tab=mine');
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.code === 'version_conflict' || error.code === 'state_conflict')) {
        void message.warning(t('briefs.detail.conflict'));
        void queryClient.invalidateQueries({ queryKey: briefKeys.one(b.id) });
        return;
      }
      onError(error);
    },
  });

  const actions = b.canEdit && (
    <Space wrap data-testid="brief-actions">
      <Link to={`/briefs/${b.id}/edit`}>
        <Button data-testid="brief-edit">{t('briefs.detail.edit')}</Button>
      </Link>
      {b.status !== 'published' && (
        <Button type="primary" loading={act.isPending} onClick={() => act.mutate('publish')} data-testid="brief-publish">
          {b.status === 'withdrawn' ? t('briefs.detail.republish') : t('briefs.detail.publish')}
        </Button>
      )}
      {b.status === 'published' && (
        <Popconfirm title={t('briefs.detail.confirmWithdraw')} onConfirm={() => act.mutate('withdraw')}>
          <Button danger loading={act.isPending} data-testid="brief-withdraw">
            {t('briefs.detail.withdraw')}
          </Button>
        </Popconfirm>
      )}
      {b.status === 'draft' && (
        <Popconfirm title={t('briefs.detail.confirmDelete')} onConfirm={() => act.mutate('delete')}>
          <Button danger loading={act.isPending} data-testid="brief-delete">
            {t('briefs.detail.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  return (
    <div data-testid="brief-detail-page">
      <div style={{ marginBottom: 8 }}>
        <Link to="/briefs">
          <ArrowLeftOutlined /> {t('briefs.detail.back')}
        </Link>
      </div>
      <PageHeader
        title={
          <span data-testid="brief-title">
            {names.primary} <BriefStatusTag status={b.status} />
          </span>
        }
        subtitle={names.secondary ?? undefined}
        extra={actions}
      />
      {b.status === 'draft' && <Alert type="info" showIcon title={t('briefs.detail.draftNotice')} style={{ marginBottom: 16 }} />}
      {b.status === 'withdrawn' && <Alert type="warning" showIcon title={t('briefs.detail.withdrawnNotice')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card className="bb-brief-sheet">
            <Section title={t('briefs.fields.problem')} text={b.problem} testId="brief-problem" />
            <Section title={t('briefs.fields.solution')} text={b.solution} />
            <Section title={t('briefs.fields.advantages')} text={b.advantages} />
            <Section title={t('briefs.fields.ipDetail')} text={b.ipDetail} />
            <Section title={t('briefs.fields.partnerSought')} text={b.partnerSought} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'org', label: t('briefs.fields.organisation'), children: recordName(b.organisation.nameZh, b.organisation.nameEn, lang) },
                { key: 'maturity', label: t('briefs.fields.maturity'), children: <Tag color="geekblue">{t(`briefs.maturities.${b.maturity}`)}</Tag> },
                { key: 'ip', label: t('briefs.fields.ipStatus'), children: t(`briefs.ipStatuses.${b.ipStatus}`) },
                { key: 'partnerships', label: t('briefs.fields.partnerships'), children: b.partnerships.map((p) => <Tag key={p} color="gold">{t(`briefs.partnerships.${p}`)}</Tag>) },
                { key: 'segments', label: t('briefs.fields.segments'), children: <TermTags taxonomy="segment" codes={b.segments} /> },
                { key: 'keywords', label: t('briefs.fields.keywords'), children: <TextTags values={b.keywords} /> },
                { key: 'contact', label: t('briefs.fields.contact'), children: b.contact?.displayName ?? t('briefs.detail.noContact') },
                {
                  key: 'visibility',
                  label: t('briefs.fields.visibility'),
                  children:
                    b.visibility === 'public' ? (
                      t('briefs.visibilities.public')
                    ) : (
                      <span>
                        {t('briefs.detail.sharedWith')} {b.communities.map((c) => localName(c, lang)).join('、')}
                      </span>
                    ),
                },
                ...(b.postedByCommunity ? [{ key: 'postedBy', label: '', children: t('briefs.detail.postedBy', { community: localName(b.postedByCommunity, lang) }) }] : []),
                ...(b.publishedAt ? [{ key: 'date', label: '', children: t('briefs.publishedOn', { date: formatDate(b.publishedAt, lang) }) }] : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      {b.canEdit && b.status === 'published' && (
        <div style={{ marginTop: 16 }}>
          <MatchPanel subjectType="brief" subjectId={b.id} targets={['companies']} title={t('briefs.detail.matchedCompanies')} />
        </div>
      )}
    </div>
  );
}
