import { DeleteOutlined, EnvironmentOutlined, GlobalOutlined, PictureOutlined, PlusOutlined, SafetyCertificateOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Input, Popconfirm, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { INVESTING_KINDS } from '../../../domain/directory';
import { ActivityPanel } from '../../components/directory/ActivityPanel';
import { TermTags, TextTags } from '../../components/directory/Facts';
import { LinksPanel } from '../../components/directory/LinksPanel';
import { NotesPanel } from '../../components/directory/NotesPanel';
import { OrganisationForm } from '../../components/directory/OrganisationForm';
import { FactList, ProfileShell, ProfileStatus, RecordActions } from '../../components/directory/ProfileShell';
import { ProjectForm } from '../../components/directory/ProjectForm';
import { ConfidentialityTag } from '../../components/directory/ProjectBits';
import { RecordAvatar, RecordName } from '../../components/directory/RecordName';
import { MatchPanel } from '../../components/matching/MatchPanel';
import { profileTargetsOfOrganisation } from '../../lib/matching';
import { useCommunity } from '../../lib/community';
import { recordPath } from '../../lib/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { formatMoney, formatMoneyRange } from '../../lib/money';
import { useSession } from '../../lib/session';
import { useTaxonomy } from '../../lib/taxonomy';
import { regionText } from '../../lib/regions';
import { directoryApi, directoryKeys, uploads, type Affiliation, type OrganisationDetail, type ProjectSummary } from '../../services/directory';

export function OrganisationProfilePage() {
  const { organisationId = '' } = useParams();
  const query = useQuery({ queryKey: directoryKeys.record('organisation', organisationId), queryFn: () => directoryApi.organisation(organisationId) });
  if (!query.data) return <ProfileStatus pending={query.isPending} error={query.error} onRetry={() => void query.refetch()} />;
  return <OrganisationProfile org={query.data} reload={async () => (await query.refetch()).data} />;
}

function OrganisationProfile({ org, reload }: { org: OrganisationDetail; reload: () => Promise<OrganisationDetail | undefined> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const session = useSession();
  const tax = useTaxonomy();
  const [editing, setEditing] = useState(false);
  const [addingProject, setAddingProject] = useState(false);
  const canEdit = org.permissions.canEdit;
  const investing = INVESTING_KINDS.includes(org.kind);

  const logo = useMutation({
    mutationFn: (file: File) => uploads.logo(org.id, file, session.data?.csrfToken, lang),
    onSuccess: () => {
      void message.success(t('dirProfile.logoUpdated'));
      void queryClient.invalidateQueries({ queryKey: directoryKeys.record('organisation', org.id) });
    },
    onError: (e) => onError(e),
  });

  const region = regionText(org, lang);
  const description = lang === 'en' ? org.descriptionEn || org.descriptionZh : org.descriptionZh || org.descriptionEn;

  const overview = (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={15}>
        <Typography.Title level={5}>{t('dirProfile.about')}</Typography.Title>
        {description ? (
          <p className="bb-description" data-testid="org-description">
            {description}
          </p>
        ) : (
          <Typography.Paragraph type="secondary">{t('dirProfile.noDescription')}</Typography.Paragraph>
        )}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('dirProfile.facts')}
        </Typography.Title>
        <FactList
          items={[
            { key: 'kind', label: t('dir.fields.kind'), value: t(`dir.kinds.${org.kind}`) },
            { key: 'creditCode', label: t('dir.fields.creditCode'), value: org.creditCode && <span className="bb-mono" data-testid="org-credit-code-value">{org.creditCode}</span> },
            { key: 'foundedOn', label: t('dir.fields.foundedOn'), value: formatDate(org.foundedOn, lang) },
            { key: 'headcount', label: t('dir.fields.headcountBand'), value: org.headcountBand && t(`dir.headcount.${org.headcountBand}`, { defaultValue: org.headcountBand }) },
            { key: 'region', label: t('dirProfile.region'), value: region },
            { key: 'address', label: t('dir.fields.address'), value: org.address },
            {
              key: 'website',
              label: t('dir.fields.website'),
              value: org.website && (
                <a href={org.website} target="_blank" rel="noreferrer">
                  {org.website.replace(/^https?:\/\//, '')}
                </a>
              ),
            },
            {
              key: 'listing',
              label: t('dir.fields.listingStatus'),
              value: `${t(`dir.listing.${org.listingStatus}`, { defaultValue: org.listingStatus })}${org.stockCode ? ` · ${org.stockCode}` : ''}`,
            },
            { key: 'shortName', label: t('dirProfile.shortName'), value: [org.shortNameZh, org.shortNameEn].filter(Boolean).join(' / ') },
            { key: 'segments', label: t('dir.fields.segments'), value: <TermTags taxonomy="segment" codes={org.segments} color="geekblue" /> },
            { key: 'qualifications', label: t('dir.fields.qualifications'), value: <TermTags taxonomy="qualification" codes={org.qualifications} color="gold" /> },
            { key: 'updatedAt', label: t('dirProfile.updatedAt'), value: formatDate(org.updatedAt, lang, community.timeZone) },
          ]}
        />
      </Col>
      <Col xs={24} xl={9}>
        {investing && (
          <Card size="small" title={t('dirProfile.thesis')} style={{ marginBottom: 16 }} data-testid="thesis-card">
            <FactList
              column={1}
              items={[
                { key: 'type', label: t('dir.fields.investorType'), value: org.investorType && t(`dir.investorTypes.${org.investorType}`, { defaultValue: org.investorType }) },
                { key: 'aum', label: t('dir.fields.aum'), value: formatMoney(org.aumFen, lang) },
                { key: 'ticket', label: t('dirProfile.ticket'), value: formatMoneyRange(org.ticketMinFen, org.ticketMaxFen, lang) },
                { key: 'segments', label: t('dir.fields.thesisSegments'), value: <TermTags taxonomy="segment" codes={org.thesisSegments} color="geekblue" /> },
                { key: 'stages', label: t('dir.fields.thesisStages'), value: <TermTags taxonomy="stage" codes={org.thesisStages} /> },
                { key: 'regions', label: t('dir.fields.thesisRegions'), value: <TextTags values={org.thesisRegions} /> },
              ]}
            />
          </Card>
        )}
        {org.kind === 'service_provider' && (
          <Card size="small" title={t('dir.fields.services')} style={{ marginBottom: 16 }} data-testid="services-card">
            {org.services.length ? <TermTags taxonomy="service" codes={org.services} color="cyan" /> : <Typography.Text type="secondary">{t('dirProfile.notSet')}</Typography.Text>}
          </Card>
        )}
        <RepresentativesCard org={org} />
      </Col>
      {profileTargetsOfOrganisation(org.kind).length > 0 && (
        <Col xs={24}>
          <MatchPanel subjectType="organisation" subjectId={org.id} targets={profileTargetsOfOrganisation(org.kind)} />
        </Col>
      )}
    </Row>
  );

  const peopleColumns: TableColumnsType<Affiliation> = [
    { title: t('dirProfile.person'), key: 'person', render: (_, a) => <RecordName type="person" id={a.personId} nameZh={a.personNameZh} nameEn={a.personNameEn} /> },
    { title: t('dir.fields.role'), dataIndex: 'role', key: 'role' },
    { title: t('dirProfile.status'), key: 'current', width: 110, render: (_, a) => (a.isCurrent ? <Tag color="green">{t('dirProfile.current')}</Tag> : <Tag>{t('dirProfile.former')}</Tag>) },
  ];

  const projectColumns: TableColumnsType<ProjectSummary> = [
    { title: t('dirProfile.project'), key: 'name', render: (_, p) => <RecordName type="project" id={p.id} nameZh={p.nameZh} nameEn={p.nameEn} /> },
    { title: t('dir.fields.segment'), key: 'segment', render: (_, p) => <Tag color="geekblue">{tax.name('segment', p.segment)}</Tag> },
    { title: t('dir.fields.stage'), key: 'stage', render: (_, p) => tax.stageName(p.stage) },
    {
      title: t('dir.fields.fundingSought'),
      key: 'funding',
      responsive: ['md'],
      render: (_, p) => [formatMoney(p.fundingSoughtFen, lang), p.fundingRound && t(`dir.rounds.${p.fundingRound}`, { defaultValue: p.fundingRound })].filter(Boolean).join(' · ') || '—',
    },
    { title: t('dir.fields.confidentiality'), key: 'conf', responsive: ['md'], render: (_, p) => <ConfidentialityTag level={p.confidentiality} /> },
  ];

  const tabs = [
    { key: 'overview', label: t('dirProfile.tabs.overview'), children: overview },
    {
      key: 'people',
      label: t('dirProfile.tabs.peopleCount', { count: org.people.length }),
      children: (
        <Table<Affiliation>
          rowKey="id"
          size="small"
          columns={peopleColumns}
          dataSource={org.people}
          pagination={org.people.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dirProfile.noPeople')} /> }}
        />
      ),
    },
    {
      key: 'projects',
      label: t('dirProfile.tabs.projectsCount', { count: org.projects.length }),
      children: (
        <>
          {can('directory.write') && (
            <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAddingProject(true)}>
              {t('dirProfile.addProject')}
            </Button>
          )}
          <Table<ProjectSummary>
            rowKey="id"
            size="small"
            columns={projectColumns}
            dataSource={org.projects}
            pagination={org.projects.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dirProfile.noProjects')} /> }}
          />
        </>
      ),
    },
    { key: 'links', label: t('dirProfile.tabs.linksCount', { count: org.links.length }), children: <LinksPanel type="organisation" id={org.id} links={org.links} canEdit={canEdit} /> },
    ...(can('notes.read') ? [{ key: 'notes', label: t('dirProfile.tabs.notes'), children: <NotesPanel type="organisation" id={org.id} /> }] : []),
    { key: 'activity', label: t('dirProfile.tabs.activity'), children: <ActivityPanel type="organisation" id={org.id} /> },
  ];

  return (
    <>
      <ProfileShell
        testId="organisation-profile"
        avatar={
          <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 4 }}>
            <RecordAvatar name={org.shortNameZh ?? org.nameZh} logoFileId={org.logoFileId} size={72} />
            {canEdit && (
              <Upload
                accept="image/png,image/jpeg,image/webp"
                showUploadList={false}
                customRequest={({ file }) => logo.mutate(file as File)}
              >
                <Button type="link" size="small" icon={<PictureOutlined />} loading={logo.isPending} style={{ padding: 0, fontSize: 12 }}>
                  {t('dirProfile.changeLogo')}
                </Button>
              </Upload>
            )}
          </div>
        }
        nameZh={org.nameZh}
        nameEn={org.nameEn}
        tags={
          <>
            <Tag color="blue">{t(`dir.kinds.${org.kind}`)}</Tag>
            {org.listingStatus === 'listed' && <Tag color="volcano">{t('dir.listing.listed')}{org.stockCode ? ` ${org.stockCode}` : ''}</Tag>}
            <TermTags taxonomy="segment" codes={org.segments} color="geekblue" />
            <TermTags taxonomy="qualification" codes={org.qualifications} color="gold" />
          </>
        }
        meta={
          <>
            {region && (
              <span>
                <EnvironmentOutlined />
                {region}
              </span>
            )}
            {org.website && (
              <span>
                <GlobalOutlined />
                <a href={org.website} target="_blank" rel="noreferrer">
                  {org.website.replace(/^https?:\/\//, '')}
                </a>
              </span>
            )}
            {org.creditCode && <span className="bb-mono">{org.creditCode}</span>}
          </>
        }
        actions={
          <RecordActions
            name={org.nameZh}
            canEdit={canEdit}
            canDelete={org.permissions.canDelete}
            onEdit={() => setEditing(true)}
            onDelete={() => directoryApi.deleteOrganisation(org.id)}
          />
        }
        tabs={tabs}
      />
      <OrganisationForm open={editing} onClose={() => setEditing(false)} organisation={org} onReload={reload} />
      <ProjectForm
        open={addingProject}
        onClose={() => setAddingProject(false)}
        owner={{ entityType: 'organisation', id: org.id, nameZh: org.nameZh, nameEn: org.nameEn }}
        onSaved={(p) => void navigate(recordPath(community.slug, 'project', p.id))}
      />
    </>
  );
}

/** Who speaks for the organisation (they edit its public profile); editors add them by e-mail. */
function RepresentativesCard({ org }: { org: OrganisationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const canEdit = org.permissions.canEdit;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: directoryKeys.record('organisation', org.id) });
    void queryClient.invalidateQueries({ queryKey: directoryKeys.activity('organisation', org.id) });
  };
  const add = useMutation({
    mutationFn: () => directoryApi.addRepresentative(org.id, email.trim()),
    onSuccess: () => {
      setEmail('');
      void message.success(t('dirProfile.representativeAdded'));
      refresh();
    },
    onError: (e) => onError(e),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => directoryApi.removeRepresentative(org.id, userId),
    onSuccess: () => {
      void message.success(t('dirProfile.representativeRemoved'));
      refresh();
    },
    onError: (e) => onError(e),
  });
  return (
    <Card size="small" title={t('dirProfile.representatives')} data-testid="representatives">
      {org.representatives.length === 0 ? (
        <Typography.Text type="secondary">{t('dirProfile.noRepresentatives')}</Typography.Text>
      ) : (
        org.representatives.map((r) => (
          <div key={r.userId} style={{ padding: '4px 0', display: 'flex', alignItems: 'center', gap: 6 }}>
            <SafetyCertificateOutlined style={{ color: '#0b7a85' }} />
            <span style={{ flex: 1, minWidth: 0, wordBreak: 'break-all' }}>
              {r.displayName} <Typography.Text type="secondary">{r.email}</Typography.Text>
            </span>
            {canEdit && (
              <Popconfirm
                title={t('dirProfile.removeRepresentative', { name: r.displayName })}
                okText={t('dirProject.remove')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutateAsync(r.userId).catch(() => undefined)}
              >
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('dirProject.remove')} />
              </Popconfirm>
            )}
          </div>
        ))
      )}
      {canEdit && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            onPressEnter={() => email.trim() && add.mutate()}
            placeholder={t('dirProfile.representativeEmail')}
            maxLength={254}
          />
          <Button icon={<UserAddOutlined />} disabled={!email.trim()} loading={add.isPending} onClick={() => add.mutate()}>
            {t('dirProfile.addRepresentative')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}
