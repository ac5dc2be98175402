import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFIDENTIALITY_LEVELS, DEVICE_CLASSES, FUNDING_ROUNDS, PROJECT_TRACKS, type Confidentiality, type DeviceClass, type ProjectTrack } from '../../../domain/directory';
import { classifyMove } from '../../../domain/lifecycle/moves';
import { useLifecycleCatalogue } from '../lifecycle/support';
import { localName } from '../../lib/format';
import { useCommunity } from '../../lib/community';
import { fenToWan, wanToFen } from '../../lib/money';
import { useTaxonomy } from '../../lib/taxonomy';
import { directoryApi, type EntityRef, type Project, type ProjectDetail } from '../../services/directory';
import { OrganisationSelect, RecordDrawer, useRecordSave, WanInput } from './formSupport';

interface Values {
  nameZh: string;
  nameEn?: string | null;
  ownerOrganisationId?: string | null;
  segment?: string;
  modality?: string | null;
  indications?: string[];
  track: ProjectTrack;
  deviceClass?: DeviceClass | null;
  stage?: string;
  /** Why the stage moves back (asked only when the chosen stage is earlier). */
  stageReason?: string;
  regulatoryStatus?: string | null;
  patents?: { number?: string; title?: string; status?: string }[];
  team?: { name?: string; role?: string; personId?: string }[];
  /** 万元 while editing. */
  fundingSoughtFen?: number | null;
  fundingRound?: string | null;
  confidentiality: Confidentiality;
  summaryZh?: string;
  summaryEn?: string;
  namedInvestorIds?: string[];
}

const FIELD_NAMES = [
  'nameZh', 'nameEn', 'ownerOrganisationId', 'segment', 'modality', 'indications', 'track', 'deviceClass', 'stage', 'stageReason', 'regulatoryStatus', 'patents', 'team',
  'fundingSoughtFen', 'fundingRound', 'confidentiality', 'summaryZh', 'summaryEn', 'namedInvestorIds',
] as const;

function toValues(p: ProjectDetail | Project): Values {
  return {
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    ownerOrganisationId: p.owner?.id ?? null,
    segment: p.segment,
    modality: p.modality,
    indications: p.indications,
    track: p.track,
    deviceClass: p.deviceClass,
    stage: p.stage,
    regulatoryStatus: p.regulatoryStatus,
    patents: p.patents,
    team: p.team,
    fundingSoughtFen: fenToWan(p.fundingSoughtFen),
    fundingRound: p.fundingRound,
    confidentiality: p.confidentiality,
    summaryZh: p.summaryZh,
    summaryEn: p.summaryEn,
    namedInvestorIds: 'namedInvestors' in p ? p.namedInvestors.map((n) => n.id) : [],
  };
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

function bodyOf(v: Values) {
  return {
    nameZh: v.nameZh?.trim() ?? '',
    nameEn: blank(v.nameEn),
    ownerOrganisationId: v.ownerOrganisationId ?? null,
    segment: v.segment ?? '',
    modality: blank(v.modality),
    indications: v.indications ?? [],
    track: v.track,
    deviceClass: v.track === 'device' ? (v.deviceClass ?? null) : null,
    stage: v.stage ?? '',
    ...(v.stageReason?.trim() ? { stageReason: v.stageReason.trim() } : {}),
    regulatoryStatus: blank(v.regulatoryStatus),
    patents: (v.patents ?? []).filter((p) => p.number?.trim()).map((p) => ({ number: (p.number ?? '').trim(), title: (p.title ?? '').trim(), status: (p.status ?? '').trim() })),
    team: (v.team ?? [])
      .filter((m) => m.name?.trim())
      .map((m) => ({ name: (m.name ?? '').trim(), role: (m.role ?? '').trim(), ...(m.personId ? { personId: m.personId } : {}) })),
    fundingSoughtFen: wanToFen(v.fundingSoughtFen),
    fundingRound: (v.fundingRound ?? null) as (typeof FUNDING_ROUNDS)[number] | null,
    confidentiality: v.confidentiality,
    summaryZh: v.summaryZh?.trim() ?? '',
    summaryEn: v.summaryEn?.trim() ?? '',
    namedInvestorIds: v.confidentiality === 'named_investors' ? (v.namedInvestorIds ?? []) : [],
  };
}

export function ProjectForm(props: {
  open: boolean;
  onClose: () => void;
  project?: ProjectDetail;
  /** A new project's owner, when created from an organisation's page. */
  owner?: EntityRef;
  onSaved?: (p: Project) => void;
  onReload?: () => Promise<ProjectDetail | undefined>;
}) {
  const { t } = useTranslation();
  return (
    <RecordDrawer open={props.open} onClose={props.onClose} width={760} title={props.project ? t('dirForm.editProject') : t('dirForm.newProject')} testId="project-form">
      <ProjectFormBody {...props} />
    </RecordDrawer>
  );
}

function ProjectFormBody({ project, owner, onClose, onSaved, onReload }: Parameters<typeof ProjectForm>[0]) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const tax = useTaxonomy();
  const [form] = Form.useForm<Values>();
  const { base, save } = useRecordSave({
    entityType: 'project',
    form,
    record: project,
    toValues,
    bodyOf,
    fieldNames: FIELD_NAMES,
    create: (body) => directoryApi.createProject({ communityId: community.id, ...body }),
    update: directoryApi.updateProject,
    onReload,
    onSaved,
    onClose,
    // The owner's page lists its projects; a stage changed here is a move in the timeline and on the board.
    alsoInvalidate: [['directory', 'organisation'], ['lifecycle-timeline'], ['lifecycle-board']],
  });
  const initial = useMemo<Values>(
    () => (base ? toValues(base) : { nameZh: '', track: 'drug', confidentiality: 'community', ownerOrganisationId: owner?.id ?? null, patents: [], team: [] }),
    [base, owner],
  );
  const track = Form.useWatch('track', form) ?? initial.track;
  const deviceClass = Form.useWatch('deviceClass', form) ?? (track === 'device' ? initial.deviceClass : null);
  const stage = Form.useWatch('stage', form);
  const lifecycle = useLifecycleCatalogue();
  // Stage choices come from the project's lifecycle model (a class I device is filed, not registered).
  const model = lifecycle.model(track, deviceClass);
  const stageOptions = model ? model.stages.map((s) => ({ value: s.code, label: localName(s, lifecycle.lang) })) : tax.stagesOf(track);
  // Moving back to an earlier stage of the model asks why (as the server does).
  const move = base && stage && model ? classifyMove(model.stages.map((s) => s.code), base.stage, stage) : null;
  const rollback = move?.ok === true && move.kind === 'rollback';
  const confidentiality = Form.useWatch('confidentiality', form) ?? initial.confidentiality;
  const known = [...(base?.owner ? [base.owner] : owner ? [owner] : []), ...(base?.namedInvestors ?? [])];

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      onValuesChange={(changed: Partial<Values>) => {
        // A stage belongs to one track: changing the track clears a stage of the old one.
        if (changed.track) form.setFieldsValue({ stage: undefined, deviceClass: null });
        // A device class picks another model: keep the stage only if that model has it.
        if (changed.deviceClass !== undefined) {
          const next = lifecycle.model(form.getFieldValue('track') as string, changed.deviceClass);
          const current = form.getFieldValue('stage') as string | undefined;
          if (next && current && !next.stages.some((s) => s.code === current)) form.setFieldValue('stage', undefined);
        }
      }}
      scrollToFirstError
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="nameZh" label={t('dir.fields.projectNameZh')} rules={[{ required: true, whitespace: true, message: t('dirForm.required') }]}>
            <Input maxLength={200} data-testid="project-name-zh" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="nameEn" label={t('dir.fields.projectNameEn')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="ownerOrganisationId" label={t('dir.fields.owner')}>
            <OrganisationSelect known={known} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="segment" label={t('dir.fields.segment')} rules={[{ required: true, message: t('dirForm.required') }]}>
            <Select options={tax.options('segment')} showSearch={{ optionFilterProp: 'label' }} data-testid="project-segment" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="track" label={t('dir.fields.track')} rules={[{ required: true, message: t('dirForm.required') }]}>
            <Radio.Group optionType="button" options={PROJECT_TRACKS.map((tr) => ({ value: tr, label: t(`dir.tracks.${tr}`) }))} />
          </Form.Item>
        </Col>
        {track === 'device' && (
          <Col xs={24} sm={12}>
            <Form.Item name="deviceClass" label={t('dir.fields.deviceClass')}>
              <Select
                allowClear
                placeholder={t('dir.deviceClasses.none')}
                options={DEVICE_CLASSES.map((c) => ({ value: c, label: t(`dir.deviceClasses.${c}`) }))}
                data-testid="project-device-class"
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="stage" label={t('dir.fields.stage')} rules={[{ required: true, message: t('dirForm.required') }]}>
            <Select options={stageOptions} data-testid="project-stage" />
          </Form.Item>
        </Col>
        {rollback && (
          <Col xs={24}>
            <Form.Item
              name="stageReason"
              label={t('dir.fields.stageReason')}
              extra={t('lifecycle.reasonHelpRollback')}
              rules={[{ required: true, whitespace: true, message: t('fieldErrors.lifecycle_reason_required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="project-stage-reason" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="modality" label={t('dir.fields.modality')}>
            <Input maxLength={120} placeholder={t('dirForm.modalityPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="indications" label={t('dir.fields.indications')} extra={t('dirForm.tagsHelp')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="regulatoryStatus" label={t('dir.fields.regulatoryStatus')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="fundingSoughtFen" label={t('dir.fields.fundingSought')}>
            <WanInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="fundingRound" label={t('dir.fields.fundingRound')}>
            <Select allowClear options={FUNDING_ROUNDS.map((r) => ({ value: r, label: t(`dir.rounds.${r}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="confidentiality" label={t('dir.fields.confidentiality')} extra={t(`dir.confidentialityHelp.${confidentiality}`)}>
            <Radio.Group options={CONFIDENTIALITY_LEVELS.map((c) => ({ value: c, label: t(`dir.confidentiality.${c}`) }))} />
          </Form.Item>
        </Col>
        {confidentiality === 'named_investors' && (
          <Col xs={24}>
            <Form.Item name="namedInvestorIds" label={t('dir.fields.namedInvestors')}>
              <OrganisationSelect multiple known={known} kind={['investor', 'guidance_fund', 'state_financing']} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item name="summaryZh" label={t('dir.fields.summaryZh')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={8000} showCount />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="summaryEn" label={t('dir.fields.summaryEn')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={16000} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('dir.fields.patents')}</Divider>
      <Form.List name="patents">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={8} key={field.key}>
                <Col xs={24} sm={7}>
                  <Form.Item name={[field.name, 'number']} rules={[{ required: true, whitespace: true, message: t('dirForm.required') }]}>
                    <Input placeholder={t('dirProject.patentNumber')} maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={10}>
                  <Form.Item name={[field.name, 'title']}>
                    <Input placeholder={t('dirProject.patentTitle')} maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={20} sm={5}>
                  <Form.Item name={[field.name, 'status']}>
                    <Input placeholder={t('dirProject.patentStatus')} maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={4} sm={2}>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('dirForm.remove')} />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ number: '', title: '', status: '' })} style={{ marginBottom: 16 }}>
              {t('dirForm.addPatent')}
            </Button>
          </>
        )}
      </Form.List>
      <Divider titlePlacement="start">{t('dir.fields.team')}</Divider>
      <Form.List name="team">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={8} key={field.key}>
                <Col xs={12} sm={10}>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('dirForm.required') }]}>
                    <Input placeholder={t('dirProject.memberName')} maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={8} sm={12}>
                  <Form.Item name={[field.name, 'role']}>
                    <Input placeholder={t('dirProject.memberRole')} maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={4} sm={2}>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('dirForm.remove')} />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', role: '' })} style={{ marginBottom: 16 }}>
              {t('dirForm.addMember')}
            </Button>
          </>
        )}
      </Form.List>
      <Space style={{ display: 'flex', marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="project-save">
          {project ? t('common.save') : t('dirForm.create')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
