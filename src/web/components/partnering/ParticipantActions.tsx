/**
 * What the viewer can do with one participant: in request mode the "约见" button (or why it is
 * disabled, or the request's status); in wish-list mode their wish priority, set or removed.
 */
import { HeartFilled, HeartOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARTNERING_PRIORITIES } from '../../../domain/partnering/vocabularies';
import type { ParticipantListItem } from '../../services/partnering';
import { PriorityTag, RequestStatusTag } from './common';
import { useSetWish } from './useWishes';

export function RelationTags({ item }: { item: ParticipantListItem }) {
  const { t } = useTranslation();
  const { request, wish, mutualWish } = item.relation;
  return (
    <>
      {request && <RequestStatusTag status={request.status} direction={request.direction} />}
      {wish && <PriorityTag priority={wish} />}
      {mutualWish && <Tag color="magenta">{t('partnering.wishes.mutual')}</Tag>}
    </>
  );
}

export function ParticipantActions({
  item,
  mode,
  eventId,
  canAct,
  onRequest,
}: {
  item: ParticipantListItem;
  mode: 'requests' | 'wishlist';
  eventId: string;
  /** The viewer is an active participant (else nothing to do yet). */
  canAct: boolean;
  onRequest: (item: ParticipantListItem) => void;
}) {
  const { t } = useTranslation();
  const wishes = useSetWish(eventId);
  if (mode === 'wishlist') {
    const wish = item.relation.wish;
    const menu = {
      items: [
        ...PARTNERING_PRIORITIES.map((p) => ({ key: p, label: t(`partnering.priorities.${p}`) })),
        ...(wish ? [{ type: 'divider' as const }, { key: 'remove', danger: true, label: t('partnering.wishes.remove') }] : []),
      ],
      selectable: true,
      selectedKeys: wish ? [wish] : [],
      onClick: ({ key }: { key: string }) => void wishes.set(item.id, key === 'remove' ? null : (key as (typeof PARTNERING_PRIORITIES)[number])),
    };
    return (
      <Dropdown menu={menu} trigger={['click']} disabled={!canAct}>
        <Button icon={wish ? <HeartFilled style={{ color: '#eb2f96' }} /> : <HeartOutlined />} loading={wishes.pending} data-testid={`wish-button-${item.id}`}>
          {wish ? t('partnering.wishes.inList') : t('partnering.wishes.add')}
        </Button>
      </Dropdown>
    );
  }
  const { canRequest, requestBlockedBy } = item.relation;
  const reason = !canAct ? t('partnering.people.joinFirst') : requestBlockedBy ? t(`partnering.blocked.${requestBlockedBy}`) : null;
  const button = (
    <Button type="primary" icon={<SendOutlined />} disabled={!canAct || !canRequest} onClick={() => onRequest(item)} data-testid={`request-button-${item.id}`}>
      {t('partnering.people.request')}
    </Button>
  );
  return <Space size={4}>{reason && !canRequest ? <Tooltip title={reason}>{button}</Tooltip> : button}</Space>;
}

/** The reason a request button is disabled, as a line under the card (tooltips do not work on phones). */
export function BlockedReason({ item, canAct }: { item: ParticipantListItem; canAct: boolean }) {
  const { t } = useTranslation();
  if (!canAct) return null;
  const blocked = item.relation.requestBlockedBy;
  if (item.relation.canRequest || !blocked || blocked === 'existing_request' || blocked === 'wishlist_mode') return null;
  return <span className="bb-partnering-blocked">{t(`partnering.blocked.${blocked}`)}</span>;
}
