import { CheckCircleOutlined, DeleteOutlined, DownloadOutlined, ExclamationCircleOutlined, MailOutlined, PhoneOutlined, PlusOutlined, WechatOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Modal, Popconfirm, Row, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ActivityPanel } from '../../components/directory/ActivityPanel';
import { RecordSelect } from '../../components/directory/formSupport';
import { LinksPanel } from '../../components/directory/LinksPanel';
import { NotesPanel } from '../../components/directory/NotesPanel';
import { PersonForm } from '../../components/directory/PersonForm';
import { FactList, ProfileShell, ProfileStatus, RecordActions } from '../../components/directory/ProfileShell';
import { RecordAvatar, RecordName } from '../../components/directory/RecordName';
import { useCommunity } from '../../lib/community';
import { directoryPath } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { directoryApi, directoryKeys, download, type Affiliation, type PersonDetail } from '../../services/directory';

export function PersonProfilePage() {
  const { personId = '' } = useParams();
  const query = useQuery({ queryKey: directoryKeys.record('person', personId), queryFn: () => directoryApi.person(personId) });
  if (!query.data) return <ProfileStatus pending={query.isPending} error={query.error} onRetry={() => void query.refetch()} />;
  return <PersonProfile person={query.data} reload={async () => (await query.refetch()).data} />;
}

function PersonProfile({ person: p, reload }: { person: PersonDetail; reload: () => Promise<PersonDetail | undefined> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [affiliating, setAffiliating] = useState(false);
  const canEdit = p.permissions.canEdit;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['directory'] });
    void queryClient.invalidateQueries({ queryKey: directoryKeys.activity('person', p.id) });
  };

  const removeAffiliation = useMutation({
    mutationFn: (a: Affiliation) => directoryApi.removeAffiliation(p.id, a.id),
    onSuccess: () => {
      void message.success(t('dirPerson.affiliationRemoved'));
      refresh();
    },
    onError: (e) => onError(e),
  });
  const erase = useMutation({
    mutationFn: () => directoryApi.erasePerson(p.id),
    onSuccess: () => {
      void message.success(t('dirPerson.erased'));
      void queryClient.invalidateQueries({ queryKey: ['search'] });
      void navigate(directoryPath(community.slug));
    },
    onError: (e) => onError(e),
  });
  const bio = lang === 'en' ? p.bioEn || p.bioZh : p.bioZh || p.bioEn;
  const current = p.affiliations.filter((a) => a.isCurrent);

  const contact = p.contactHidden ? (
    <Alert type="info" showIcon title={t('dirPerson.contactHidden')} description={t(p.consentToContact ? 'dirPerson.contactHiddenRole' : 'dirPerson.contactHiddenWhy')} data-testid="contact-hidden" />
  ) : (
    <FactList
      column={1}
      items={[
        { key: 'email', label: <><MailOutlined style={{ marginInlineEnd: 4 }} />{t('dir.fields.email')}</>, value: p.email && <a href={`mailto:${p.email}`}>{p.email}</a> },
        { key: 'phone', label: <><PhoneOutlined style={{ marginInlineEnd: 4 }} />{t('dir.fields.phone')}</>, value: p.phone && <a href={`tel:${p.phone}`}>{p.phone}</a> },
        { key: 'wechat', label: <><WechatOutlined style={{ marginInlineEnd: 4 }} />{t('dir.fields.wechatId')}</>, value: p.wechatId },
      ]}
    />
  );

  const consent = p.consentToContact ? (
    <Tag color="green" icon={<CheckCircleOutlined />} data-testid="consent-status">
      {p.consentAt ? t('dirPerson.consentGivenOn', { date: formatDateTime(p.consentAt, lang, community.timeZone) }) : t('dirPerson.consentGiven')}
    </Tag>
  ) : (
    <Tag color="orange" icon={<ExclamationCircleOutlined />} data-testid="consent-status">
      {t('dirPerson.noConsent')}
    </Tag>
  );

  const affiliationColumns: TableColumnsType<Affiliation> = [
    { title: t('dirPerson.organisation'), key: 'org', render: (_, a) => <RecordName type="organisation" id={a.organisationId} nameZh={a.organisationNameZh} nameEn={a.organisationNameEn} /> },
    { title: t('dir.fields.role'), dataIndex: 'role', key: 'role' },
    { title: t('dirProfile.status'), key: 'current', width: 100, render: (_, a) => (a.isCurrent ? <Tag color="green">{t('dirProfile.current')}</Tag> : <Tag>{t('dirProfile.former')}</Tag>) },
  ];
  if (canEdit) {
    affiliationColumns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, a) => (
        <Popconfirm
          title={t('dirPerson.removeAffiliation')}
          okText={t('dirProject.remove')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => removeAffiliation.mutateAsync(a).catch(() => undefined)}
        >
          <Button type="link" danger size="small" icon={<DeleteOutlined />} aria-label={t('dirProject.remove')} />
        </Popconfirm>
      ),
    });
  }

  const overview = (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={14}>
        <Typography.Title level={5}>{t('dirPerson.bio')}</Typography.Title>
        {bio ? <p className="bb-description">{bio}</p> : <Typography.Paragraph type="secondary">{t('dirProfile.noDescription')}</Typography.Paragraph>}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('dirProfile.facts')}
        </Typography.Title>
        <FactList
          items={[
            { key: 'title', label: t('dir.fields.title'), value: p.title },
            { key: 'nameEn', label: t('dir.fields.personNameEn'), value: p.nameEn },
            { key: 'updatedAt', label: t('dirProfile.updatedAt'), value: formatDate(p.updatedAt, lang, community.timeZone) },
            { key: 'account', label: t('dirPerson.account'), value: p.userId ? <Tag color="cyan">{t('dirPerson.hasAccount')}</Tag> : t('dirPerson.noAccount') },
          ]}
        />
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('dirPerson.contact')} style={{ marginBottom: 16 }} data-testid="contact-card">
          {contact}
          <div style={{ marginTop: 12 }}>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
              {t('dir.fields.consentToContact')}
            </Typography.Text>
            {consent}
            {p.consentSource && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('dir.fields.consentSource')}: {p.consentSource}
                </Typography.Text>
              </div>
            )}
          </div>
        </Card>
        {p.permissions.canDelete && (
          <Card size="small" title={t('dirPerson.pipl')} data-testid="pipl-card">
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('dirPerson.piplHelp')}
            </Typography.Paragraph>
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              <Button
                icon={<DownloadOutlined />}
                data-testid="pipl-export"
                onClick={() => {
                  download(directoryApi.personExportUrl(p.id), lang, `person-${p.id}.json`)
                    .then(() => void queryClient.invalidateQueries({ queryKey: directoryKeys.activity('person', p.id) }))
                    .catch((e: unknown) => onError(e));
                }}
              >
                {t('dirPerson.export')}
              </Button>
              <Button
                  danger
                  icon={<DeleteOutlined />}
                  data-testid="pipl-erase"
                  onClick={() =>
                    modal.confirm({
                      title: t('dirPerson.eraseTitle', { name: p.nameZh }),
                      content: t('dirPerson.eraseText'),
                      okText: t('dirPerson.erase'),
                      okButtonProps: { danger: true },
                      cancelText: t('common.cancel'),
                      onOk: () => erase.mutateAsync().catch(() => undefined),
                    })
                  }
                >
                {t('dirPerson.erase')}
              </Button>
            </div>
          </Card>
        )}
      </Col>
    </Row>
  );

  const tabs = [
    { key: 'overview', label: t('dirProfile.tabs.overview'), children: overview },
    {
      key: 'affiliations',
      label: t('dirPerson.affiliationsCount', { count: p.affiliations.length }),
      children: (
        <>
          {canEdit && (
            <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAffiliating(true)} data-testid="add-affiliation">
              {t('dirForm.addAffiliation')}
            </Button>
          )}
          <Table<Affiliation>
            rowKey="id"
            size="small"
            columns={affiliationColumns}
            dataSource={p.affiliations}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dirPerson.noAffiliations')} /> }}
          />
        </>
      ),
    },
    { key: 'links', label: t('dirProfile.tabs.linksCount', { count: p.links.length }), children: <LinksPanel type="person" id={p.id} links={p.links} canEdit={canEdit} /> },
    ...(can('notes.read') ? [{ key: 'notes', label: t('dirProfile.tabs.notes'), children: <NotesPanel type="person" id={p.id} /> }] : []),
    { key: 'activity', label: t('dirProfile.tabs.activity'), children: <ActivityPanel type="person" id={p.id} /> },
  ];

  return (
    <>
      <ProfileShell
        testId="person-profile"
        avatar={<RecordAvatar name={p.nameZh} size={64} />}
        nameZh={p.nameZh}
        nameEn={p.nameEn}
        tags={
          <>
            {p.title && <Tag color="purple">{p.title}</Tag>}
            {consent}
          </>
        }
        meta={current.slice(0, 3).map((a) => (
          <span key={a.id}>
            {a.role} · {lang === 'en' ? a.organisationNameEn || a.organisationNameZh : a.organisationNameZh}
          </span>
        ))}
        actions={
          <RecordActions
            name={p.nameZh}
            canEdit={canEdit}
            canDelete={p.permissions.canDelete}
            onEdit={() => setEditing(true)}
            onDelete={() => directoryApi.deletePerson(p.id)}
          />
        }
        tabs={tabs}
      />
      <PersonForm open={editing} onClose={() => setEditing(false)} person={p} onReload={reload} />
      <AffiliationDialog open={affiliating} onClose={() => setAffiliating(false)} personId={p.id} onAdded={refresh} />
    </>
  );
}

function AffiliationDialog({ open, onClose, personId, onAdded }: { open: boolean; onClose: () => void; personId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ organisationId: string; role: string; isCurrent: boolean }>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const add = useMutation({
    mutationFn: (v: { organisationId: string; role: string; isCurrent: boolean }) => directoryApi.addAffiliation(personId, { ...v, role: v.role.trim() }),
    onSuccess: () => {
      void message.success(t('dirPerson.affiliationAdded'));
      form.resetFields();
      onAdded();
      onClose();
    },
    onError: (e) => onError(e, form, ['organisationId', 'role', 'isCurrent']),
  });
  return (
    <Modal open={open} onCancel={onClose} title={t('dirForm.addAffiliation')} onOk={() => form.submit()} okText={t('dirLinks.addConfirm')} cancelText={t('common.cancel')} confirmLoading={add.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ isCurrent: true }} onFinish={(v) => add.mutate(v)}>
        <Form.Item name="organisationId" label={t('dirPerson.organisation')} rules={[{ required: true, message: t('dirForm.required') }]}>
          <RecordSelect />
        </Form.Item>
        <Form.Item name="role" label={t('dir.fields.role')} rules={[{ required: true, whitespace: true, message: t('dirForm.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="isCurrent" label={t('dirProfile.current')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
