import { useQuery } from '@tanstack/react-query';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { FiguresPanel } from '../../components/landing/FiguresPanel';
import { IncubationPanel } from '../../components/landing/IncubationPanel';
import { LandingsPanel } from '../../components/landing/LandingsPanel';
import { ZonesPanel } from '../../components/landing/ZonesPanel';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageSkeleton } from '../../components/States';
import { useCommunity } from '../../lib/community';
import { landingApi, landingKeys } from '../../services/landing';

const TABS = ['landings', 'zones', 'incubation', 'figures'] as const;
type Tab = (typeof TABS)[number];

/**
 * Landing and incubation (/c/:slug/landing): the companies that landed and their totals, the
 * zones and how full they are, the incubator by batch and status, and resident companies'
 * yearly figures. `?new=1&itemId=…` opens the landing form from a pipeline item.
 */
export function LandingPage() {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = params.get('new') === '1' ? 'landings' : TABS.includes(requested as Tab) ? (requested as Tab) : 'landings';
  const zones = useQuery({ queryKey: landingKeys.zones(community.id), queryFn: () => landingApi.zones(community.id) });

  const setTab = (key: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', key);
    next.delete('new');
    next.delete('itemId');
    setParams(next, { replace: true });
  };

  if (zones.isPending) return <PageSkeleton />;
  if (zones.isError) return <LoadError error={zones.error} onRetry={() => void zones.refetch()} />;
  return (
    <>
      <PageHeader title={t('landing.title')} subtitle={t('landing.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'landings', label: <span data-testid="landing-tab-landings">{t('landing.tabs.landings')}</span>, children: <LandingsPanel zones={zones.data} /> },
          { key: 'zones', label: <span data-testid="landing-tab-zones">{t('landing.tabs.zones')}</span>, children: <ZonesPanel zones={zones.data} /> },
          { key: 'incubation', label: <span data-testid="landing-tab-incubation">{t('landing.tabs.incubation')}</span>, children: <IncubationPanel /> },
          { key: 'figures', label: <span data-testid="landing-tab-figures">{t('landing.tabs.figures')}</span>, children: <FiguresPanel /> },
        ]}
      />
    </>
  );
}
