/**
 * The slots of an event grouped by day and session, where a participant ticks the ones they
 * CANNOT attend. A form control: `value` is the list of unavailable slot ids.
 */
import { Button, Checkbox, Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { groupSlots, toggleSlots } from '../../lib/partnering';
import type { PartneringSlot } from '../../services/partnering';
import { dayLabel, slotTime } from './common';

export function AvailabilityGrid({
  slots,
  timeZone,
  value,
  onChange,
  disabled,
}: {
  slots: PartneringSlot[];
  timeZone: string;
  value?: string[];
  onChange?: (next: string[]) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const days = useMemo(() => groupSlots(slots), [slots]);
  const selected = value ?? [];
  const set = new Set(selected);
  if (slots.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partnering.profile.noSlots')} />;
  const change = (next: string[]) => onChange?.(next);
  return (
    <div className="bb-partnering-availability" data-testid="partnering-availability">
      {days.map((day) => {
        const dayIds = day.sessions.flatMap((s) => s.slots.map((x) => x.id));
        const dayAll = dayIds.every((id) => set.has(id));
        return (
          <div key={day.day} className="bb-partnering-avail-day">
            <div className="bb-partnering-avail-head">
              <Typography.Text strong>{dayLabel(day.day, i18n.language)}</Typography.Text>
              <Button size="small" type="link" disabled={disabled} onClick={() => change(toggleSlots(selected, dayIds))}>
                {dayAll ? t('partnering.profile.availableAllDay') : t('partnering.profile.unavailableAllDay')}
              </Button>
            </div>
            {day.sessions.map((session) => {
              const ids = session.slots.map((x) => x.id);
              const all = ids.every((id) => set.has(id));
              return (
                <div key={session.session} className="bb-partnering-avail-session">
                  <div className="bb-partnering-avail-head">
                    <Typography.Text type="secondary">{session.session}</Typography.Text>
                    <Button size="small" type="link" disabled={disabled} onClick={() => change(toggleSlots(selected, ids))}>
                      {all ? t('partnering.profile.availableSession') : t('partnering.profile.unavailableSession')}
                    </Button>
                  </div>
                  <div className="bb-partnering-avail-slots">
                    {session.slots.map((slot) => (
                      <Checkbox
                        key={slot.id}
                        checked={set.has(slot.id)}
                        disabled={disabled}
                        className={set.has(slot.id) ? 'bb-partnering-slot bb-partnering-slot-off' : 'bb-partnering-slot'}
                        onChange={(e) => change(e.target.checked ? [...selected, slot.id] : selected.filter((id) => id !== slot.id))}
                        data-testid={`availability-slot-${slot.id}`}
                      >
                        {slotTime(slot, timeZone)}
                      </Checkbox>
                    ))}
                  </div>
                </div>
              );
            })}
          </div>
        );
      })}
      <Typography.Text type="secondary">{t('partnering.profile.unavailableCount', { count: selected.filter((id) => slots.some((s) => s.id === id)).length, total: slots.length })}</Typography.Text>
    </div>
  );
}
