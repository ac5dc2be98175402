import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadError } from '../States';
import { useCommunity } from '../../lib/community';
import { recordName, recordPath } from '../../lib/directory';
import { formatMoney } from '../../lib/money';
import { landingApi, landingKeys, type Landing, type Zone } from '../../services/landing';
import { LandingForm } from './LandingForm';
import { formatArea, formatDay, zoneLabel } from './labels';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 12 }, (_, i) => thisYear - i);

/** The landings table with its filters and totals, and the drawer that records or edits one. */
export function LandingsPanel({ zones }: { zones: Zone[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { community, can } = useCommunity();
  const [params, setParams] = useSearchParams();
  const [zoneId, setZoneId] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [editing, setEditing] = useState<Landing | null>(null);
  const creating = params.get('new') === '1';
  const itemId = params.get('itemId');
  const writable = can('landing.write');

  const query = { zoneId, year, q };
  const list = useQuery({
    queryKey: landingKeys.landings(community.id, query),
    queryFn: () => landingApi.landings(community.id, query),
    placeholderData: keepPreviousData,
  });

  // `?landingId=…` (from a pipeline item's drawer) opens that landing's form once it is loaded.
  const linkedId = params.get('landingId');
  const linked = useQuery({
    queryKey: [...landingKeys.landings(community.id, {}), 'one', linkedId],
    queryFn: () => landingApi.landing(community.id, linkedId!),
    enabled: writable && linkedId !== null,
  });
  const shown = editing ?? (linkedId !== null ? (linked.data ?? null) : null);

  const closeDrawer = () => {
    setEditing(null);
    if (creating || linkedId !== null) {
      const next = new URLSearchParams(params);
      next.delete('new');
      next.delete('itemId');
      next.delete('landingId');
      setParams(next, { replace: true });
    }
  };
  const openNew = () => {
    const next = new URLSearchParams(params);
    next.set('new', '1');
    setParams(next);
  };

  const unit = t('landing.unit.sqm');
  const columns: TableColumnsType<Landing> = [
    {
      title: t('landing.field.organisationProject'),
      key: 'organisation',
      render: (_, l) => (
        <div style={{ minWidth: 200, maxWidth: 380 }}>
          <Link to={recordPath(community.slug, 'organisation', l.organisation.id)}>{recordName(l.organisation.nameZh, l.organisation.nameEn, lang)}</Link>
          {l.project && (
            <div>
              <Link to={recordPath(community.slug, 'project', l.project.id)}>
                <Typography.Text type="secondary">{recordName(l.project.nameZh, l.project.nameEn, lang)}</Typography.Text>
              </Link>
            </div>
          )}
        </div>
      ),
    },
    { title: t('landing.field.zone'), key: 'zone', render: (_, l) => (l.zone ? zoneLabel(l.zone, lang) : '—'), responsive: ['md'] },
    { title: t('landing.field.floorArea'), key: 'area', align: 'right', render: (_, l) => formatArea(l.floorAreaSqm, lang, unit) || '—' },
    { title: t('landing.field.registeredCapital'), key: 'capital', align: 'right', render: (_, l) => formatMoney(l.registeredCapitalFen, lang) || '—', responsive: ['lg'] },
    { title: t('landing.field.committedInvestment'), key: 'investment', align: 'right', render: (_, l) => formatMoney(l.committedInvestmentFen, lang) || '—' },
    { title: t('landing.field.landedOn'), key: 'landedOn', render: (_, l) => formatDay(l.landedOn, lang) },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, l) => <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(l)} aria-label={t('landing.edit')} data-testid={`landing-edit-${l.id}`} />,
    });
  }

  const totals = list.data?.totals;
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic loading={!totals} title={t('landing.totals.count')} value={totals?.count ?? 0} data-testid="landing-total-count" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic loading={!totals} title={t('landing.totals.floorArea')} value={totals ? formatArea(totals.floorAreaSqm, lang, unit) : ''} data-testid="landing-total-area" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic loading={!totals} title={t('landing.totals.registeredCapital')} value={totals ? formatMoney(totals.registeredCapitalFen, lang) : ''} data-testid="landing-total-capital" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic loading={!totals} title={t('landing.totals.committedInvestment')} value={totals ? formatMoney(totals.committedInvestmentFen, lang) : ''} data-testid="landing-total-investment" />
          </Card>
        </Col>
      </Row>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search allowClear placeholder={t('landing.filter.q')} onSearch={(v) => setQ(v.trim() || undefined)} style={{ width: 240 }} data-testid="landing-search" />
          <Select
            allowClear
            placeholder={t('landing.filter.zone')}
            value={zoneId}
            onChange={setZoneId}
            options={zones.map((z) => ({ value: z.id, label: zoneLabel(z, lang) }))}
            style={{ width: 180 }}
            data-testid="landing-filter-zone"
          />
          <Select allowClear placeholder={t('landing.filter.year')} value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: t('landing.yearLabel', { year: y }) }))} style={{ width: 130 }} data-testid="landing-filter-year" />
        </Space>
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="landing-new">
            {t('landing.form.newTitle')}
          </Button>
        )}
      </Space>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Landing>
          rowKey="id"
          size="middle"
          loading={list.isFetching && !list.data}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('landing.empty') }}
          scroll={{ x: 'max-content' }}
          data-testid="landing-table"
        />
      )}
      {writable && <LandingForm open={creating || shown !== null} landing={shown} itemId={creating ? itemId : null} zones={zones} onClose={closeDrawer} />}
    </>
  );
}
