/** Tags for an event's kind, status and visibility, coloured alike wherever events are listed. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventKind, EventStatus, EventVisibility } from '../../services/events';

const KIND_COLOURS: Record<EventKind, string> = {
  salon: 'cyan',
  forum: 'blue',
  roadshow: 'purple',
  competition: 'magenta',
  closed_door: 'volcano',
  signing_ceremony: 'gold',
  training: 'green',
  partnering_day: 'geekblue',
};
const STATUS_COLOURS: Record<EventStatus, string> = { draft: 'default', published: 'success', cancelled: 'error' };

export function EventKindTag({ kind }: { kind: EventKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLOURS[kind]} data-testid="events-kind-tag">
      {t(`events.kinds.${kind}`)}
    </Tag>
  );
}

export function EventStatusTag({ status }: { status: EventStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="events-status-tag">
      {t(`events.statuses.${status}`)}
    </Tag>
  );
}

export function EventVisibilityTag({ visibility }: { visibility: EventVisibility }) {
  const { t } = useTranslation();
  return <Tag variant="outlined">{t(`events.visibilities.${visibility}`)}</Tag>;
}
