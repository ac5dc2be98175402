/**
 * "心愿单" (wish-list mode): the participants the user wishes to meet, each with a priority.
 * Nobody is asked: the scheduler turns mutual wishes into meetings. Edits are kept on the page
 * until "保存" replaces the whole list.
 */
import { DeleteOutlined, HeartFilled } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNERING_PRIORITIES, type PartneringPriority } from '../../../domain/partnering/vocabularies';
import { setWish } from '../../lib/partnering';
import type { ParticipantCard, PartneringOverview, WishList } from '../../services/partnering';
import { LoadError } from '../States';
import { SideTag, usePriorityOptions } from './common';
import { ParticipantDrawer } from './ParticipantDrawer';
import { useSaveWishes, useWishes, wishItems, type WishItem } from './useWishes';

const RANK: Record<PartneringPriority, number> = { must: 0, would_like: 1, if_time: 2 };

export function WishesTab({ overview, onBrowse }: { overview: PartneringOverview; onBrowse: () => void }) {
  const eventId = overview.event.id;
  const wishes = useWishes(eventId, true);
  if (wishes.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (wishes.isError) return <LoadError error={wishes.error} onRetry={() => void wishes.refetch()} />;
  // A new list from the server (saved here or from a card) starts a fresh edit.
  return <WishEditor key={JSON.stringify(wishItems(wishes.data))} overview={overview} list={wishes.data} onBrowse={onBrowse} />;
}

function WishEditor({ overview, list, onBrowse }: { overview: PartneringOverview; list: WishList; onBrowse: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const priorityOptions = usePriorityOptions();
  const save = useSaveWishes(overview.event.id);
  const [draft, setDraft] = useState<WishItem[]>(() => wishItems(list));
  const [open, setOpen] = useState<ParticipantCard | null>(null);
  const canAct = overview.me?.status === 'active';
  const cards = useMemo(() => new Map(list.items.map((w) => [w.target.id, w])), [list]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(wishItems(list));
  const rows = [...draft].sort((a, b) => RANK[a.priority] - RANK[b.priority]);
  const make = (id: string, p: PartneringPriority) => ({ targetParticipantId: id, priority: p });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="partnering-wishes">
      <Alert type="info" showIcon title={t('partnering.wishes.explain')} />
      {rows.length === 0 ? (
        <Card variant="borderless">
          <Empty description={t('partnering.wishes.empty')}>
            <Button type="primary" onClick={onBrowse}>
              {t('partnering.wishes.browse')}
            </Button>
          </Empty>
        </Card>
      ) : (
        <div className="bb-partnering-cards">
          {rows.map((w) => {
            const entry = cards.get(w.targetParticipantId);
            if (!entry) return null;
            const c = entry.target;
            return (
              <Card key={c.id} size="small" variant="borderless" className="bb-partnering-card" data-testid={`wish-${c.id}`}>
                <div className="bb-partnering-card-head">
                  <div style={{ minWidth: 0 }}>
                    <Typography.Link strong className="bb-partnering-card-name" onClick={() => setOpen(c)}>
                      {c.displayName}
                    </Typography.Link>
                    <div className="bb-partnering-card-org">{[c.organisationName, c.jobTitle].filter(Boolean).join(' · ')}</div>
                  </div>
                  <SideTag side={c.side} />
                </div>
                {entry.mutual && (
                  <Tag color="magenta" icon={<HeartFilled />} style={{ marginTop: 6 }}>
                    {t('partnering.wishes.mutual')}
                  </Tag>
                )}
                <div className="bb-partnering-card-foot">
                  <Select<PartneringPriority>
                    value={w.priority}
                    options={priorityOptions}
                    disabled={!canAct}
                    onChange={(p) => setDraft((d) => setWish(d, c.id, p, make))}
                    style={{ minWidth: 140 }}
                    data-testid={`wish-priority-${c.id}`}
                  />
                  <Button icon={<DeleteOutlined />} disabled={!canAct} onClick={() => setDraft((d) => setWish(d, c.id, null, make))} data-testid={`wish-remove-${c.id}`}>
                    {t('partnering.wishes.remove')}
                  </Button>
                </div>
              </Card>
            );
          })}
        </div>
      )}
      <Space wrap>
        <Button
          type="primary"
          size="large"
          disabled={!dirty || !canAct}
          loading={save.isPending}
          onClick={() => save.mutate(draft, { onSuccess: () => void message.success(t('partnering.wishes.saved')) })}
          data-testid="wishes-save"
        >
          {t('partnering.wishes.save')}
        </Button>
        {dirty && (
          <Button size="large" onClick={() => setDraft(wishItems(list))}>
            {t('partnering.wishes.undo')}
          </Button>
        )}
        <Typography.Text type="secondary">
          {t('partnering.wishes.summary', {
            must: draft.filter((w) => w.priority === PARTNERING_PRIORITIES[0]).length,
            total: draft.length,
          })}
        </Typography.Text>
      </Space>
      <ParticipantDrawer card={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
