import { BankOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ActivityPanel } from '../../components/directory/ActivityPanel';
import { TermTags, TextTags } from '../../components/directory/Facts';
import { LinksPanel } from '../../components/directory/LinksPanel';
import { NotesPanel } from '../../components/directory/NotesPanel';
import { ReferProjectButton } from '../../components/referrals/ReferProjectButton';
import { FactList, ProfileShell, ProfileStatus, RecordActions } from '../../components/directory/ProfileShell';
import { AttachmentsPanel, ConfidentialityTag, StageSteps } from '../../components/directory/ProjectBits';
import { ProjectForm } from '../../components/directory/ProjectForm';
import { LifecycleSection } from '../../components/lifecycle/LifecycleSection';
import { RecordAvatar, RecordName } from '../../components/directory/RecordName';
import { MatchPanel } from '../../components/matching/MatchPanel';
import { useCommunity } from '../../lib/community';
import { recordPath } from '../../lib/directory';
import { formatDate } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { useTaxonomy } from '../../lib/taxonomy';
import { directoryApi, directoryKeys, type ProjectDetail } from '../../services/directory';

export function ProjectProfilePage() {
  const { projectId = '' } = useParams();
  const query = useQuery({ queryKey: directoryKeys.record('project', projectId), queryFn: () => directoryApi.project(projectId) });
  if (!query.data) return <ProfileStatus pending={query.isPending} error={query.error} onRetry={() => void query.refetch()} />;
  return <ProjectProfile project={query.data} reload={async () => (await query.refetch()).data} />;
}

function ProjectProfile({ project: p, reload }: { project: ProjectDetail; reload: () => Promise<ProjectDetail | undefined> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const tax = useTaxonomy();
  const [editing, setEditing] = useState(false);
  const canEdit = p.permissions.canEdit;
  const summary = lang === 'en' ? p.summaryEn || p.summaryZh : p.summaryZh || p.summaryEn;
  const funding = [formatMoney(p.fundingSoughtFen, lang), p.fundingRound && t(`dir.rounds.${p.fundingRound}`, { defaultValue: p.fundingRound })].filter(Boolean).join(' · ');

  const overview = (
    <Row gutter={[24, 16]}>
      <Col xs={24}>
        <Typography.Title level={5}>{t('dirProject.stageTitle', { track: t(`dir.tracks.${p.track}`) })}</Typography.Title>
        <StageSteps track={p.track} deviceClass={p.deviceClass} stage={p.stage} />
      </Col>
      <Col xs={24} xl={15}>
        <Typography.Title level={5}>{t('dirProject.summary')}</Typography.Title>
        {summary ? <p className="bb-description">{summary}</p> : <Typography.Paragraph type="secondary">{t('dirProfile.noDescription')}</Typography.Paragraph>}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('dirProfile.facts')}
        </Typography.Title>
        <FactList
          items={[
            {
              key: 'owner',
              label: t('dir.fields.owner'),
              value: p.owner && <RecordName type="organisation" id={p.owner.id} nameZh={p.owner.nameZh} nameEn={p.owner.nameEn} />,
            },
            { key: 'segment', label: t('dir.fields.segment'), value: <TermTags taxonomy="segment" codes={[p.segment]} color="geekblue" /> },
            { key: 'stage', label: t('dir.fields.stage'), value: tax.stageName(p.stage) },
            ...(p.track === 'device' ? [{ key: 'deviceClass', label: t('dir.fields.deviceClass'), value: t(`dir.deviceClasses.${p.deviceClass ?? 'none'}`) }] : []),
            { key: 'modality', label: t('dir.fields.modality'), value: p.modality },
            { key: 'indications', label: t('dir.fields.indications'), value: <TextTags values={p.indications} /> },
            { key: 'regulatory', label: t('dir.fields.regulatoryStatus'), value: p.regulatoryStatus },
            { key: 'confidentiality', label: t('dir.fields.confidentiality'), value: <ConfidentialityTag level={p.confidentiality} /> },
            { key: 'updatedAt', label: t('dirProfile.updatedAt'), value: formatDate(p.updatedAt, lang, community.timeZone) },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('dir.fields.patents')}
        </Typography.Title>
        <Table
          rowKey="number"
          size="small"
          pagination={false}
          dataSource={p.patents}
          columns={[
            { title: t('dirProject.patentNumber'), dataIndex: 'number', key: 'number', render: (v: string) => <span className="bb-mono">{v}</span> },
            { title: t('dirProject.patentTitle'), dataIndex: 'title', key: 'title' },
            { title: t('dirProject.patentStatus'), dataIndex: 'status', key: 'status', width: 120 },
          ]}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dirProject.noPatents')} /> }}
          data-testid="patents"
        />
      </Col>
      <Col xs={24} xl={9}>
        <Card size="small" title={t('dirProject.funding')} style={{ marginBottom: 16 }} data-testid="funding-card">
          <Typography.Text style={{ fontSize: 20, fontWeight: 600 }}>{funding || <Typography.Text type="secondary">{t('dirProject.noFunding')}</Typography.Text>}</Typography.Text>
        </Card>
        <Card size="small" title={t('dir.fields.team')} style={{ marginBottom: 16 }}>
          {p.team.length === 0 ? (
            <Typography.Text type="secondary">{t('dirProject.noTeam')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={p.team}
              renderItem={(m) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <List.Item.Meta
                    title={m.personId ? <RecordName type="person" id={m.personId} nameZh={m.name} nameEn={null} /> : m.name}
                    description={m.role || undefined}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
        {canEdit && p.confidentiality === 'named_investors' && (
          <Card size="small" title={t('dir.fields.namedInvestors')}>
            {p.namedInvestors.length === 0 ? (
              <Typography.Text type="secondary">{t('dirProject.noNamedInvestors')}</Typography.Text>
            ) : (
              p.namedInvestors.map((n) => (
                <div key={n.id} style={{ padding: '4px 0' }}>
                  <RecordName type="organisation" id={n.id} nameZh={n.nameZh} nameEn={n.nameEn} />
                </div>
              ))
            )}
          </Card>
        )}
      </Col>
      <Col xs={24}>
        <MatchPanel subjectType="project" subjectId={p.id} targets={['investors', 'parks', 'services']} />
      </Col>
    </Row>
  );

  const tabs = [
    { key: 'overview', label: t('dirProfile.tabs.overview'), children: overview },
    { key: 'lifecycle', label: t('lifecycle.section'), children: <LifecycleSection projectId={p.id} /> },
    { key: 'attachments', label: t('dirProject.attachmentsCount', { count: p.attachments.length }), children: <AttachmentsPanel projectId={p.id} attachments={p.attachments} canEdit={canEdit} /> },
    { key: 'links', label: t('dirProfile.tabs.linksCount', { count: p.links.length }), children: <LinksPanel type="project" id={p.id} links={p.links} canEdit={canEdit} /> },
    ...(can('notes.read') ? [{ key: 'notes', label: t('dirProfile.tabs.notes'), children: <NotesPanel type="project" id={p.id} /> }] : []),
    { key: 'activity', label: t('dirProfile.tabs.activity'), children: <ActivityPanel type="project" id={p.id} /> },
  ];

  return (
    <>
      <ProfileShell
        testId="project-profile"
        avatar={<RecordAvatar name={p.nameZh} size={64} />}
        nameZh={p.nameZh}
        nameEn={p.nameEn}
        tags={
          <>
            <ConfidentialityTag level={p.confidentiality} />
            <Tag color="geekblue">{tax.name('segment', p.segment)}</Tag>
            <Tag color="purple">{tax.stageName(p.stage)}</Tag>
            {p.fundingRound && <Tag color="orange">{t(`dir.rounds.${p.fundingRound}`, { defaultValue: p.fundingRound })}</Tag>}
          </>
        }
        meta={
          p.owner && (
            <span>
              <BankOutlined />
              <Link to={recordPath(community.slug, 'organisation', p.owner.id)}>{lang === 'en' ? p.owner.nameEn || p.owner.nameZh : p.owner.nameZh}</Link>
            </span>
          )
        }
        actions={
          <Space wrap>
            {/* Named-investor projects cannot be shared with another community (the server refuses too). */}
            {p.confidentiality !== 'named_investors' && <ReferProjectButton projectId={p.id} projectName={p.nameZh} />}
            <RecordActions
              name={p.nameZh}
              canEdit={canEdit}
              canDelete={p.permissions.canDelete}
              onEdit={() => setEditing(true)}
              onDelete={() => directoryApi.deleteProject(p.id)}
            />
          </Space>
        }
        tabs={tabs}
      />
      <ProjectForm open={editing} onClose={() => setEditing(false)} project={p} onReload={reload} />
    </>
  );
}
