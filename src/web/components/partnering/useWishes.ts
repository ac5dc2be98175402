/**
 * The wish list (wish-list mode) with a single-target edit: the API replaces the whole list,
 * so adding or removing one wish from a participant's card sends the current list changed in one place.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartneringPriority } from '../../../domain/partnering/vocabularies';
import { useApiErrorHandler } from '../../lib/errors';
import { setWish } from '../../lib/partnering';
import { partneringApi, partneringKeys, type WishList } from '../../services/partnering';

export type WishItem = { targetParticipantId: string; priority: PartneringPriority };

export function wishItems(list: WishList | undefined): WishItem[] {
  return (list?.items ?? []).map((w) => ({ targetParticipantId: w.target.id, priority: w.priority }));
}

export function useWishes(eventId: string, enabled: boolean) {
  return useQuery({ queryKey: partneringKeys.wishes(eventId), queryFn: () => partneringApi.wishes(eventId), enabled });
}

export function useSaveWishes(eventId: string) {
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  return useMutation({
    mutationFn: (items: WishItem[]) => partneringApi.saveWishes(eventId, { items }),
    onSuccess: (saved) => {
      queryClient.setQueryData(partneringKeys.wishes(eventId), saved);
      void queryClient.invalidateQueries({ queryKey: partneringKeys.event(eventId) });
    },
    onError: (error) => onError(error),
  });
}

/** Sets (or with null removes) the wish for one participant, reading the list fresh first. */
export function useSetWish(eventId: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useSaveWishes(eventId);
  const onError = useApiErrorHandler();
  const set = async (targetParticipantId: string, priority: PartneringPriority | null) => {
    let current: WishList;
    try {
      current = await queryClient.fetchQuery({ queryKey: partneringKeys.wishes(eventId), queryFn: () => partneringApi.wishes(eventId), staleTime: 0 });
    } catch (error) {
      onError(error);
      return;
    }
    const next = setWish(wishItems(current), targetParticipantId, priority, (id, p) => ({ targetParticipantId: id, priority: p }));
    await save.mutateAsync(next);
    void message.success(priority === null ? t('partnering.wishes.removed') : t('partnering.wishes.added'));
  };
  // A failed save has already been shown by the mutation's onError.
  return { set: (id: string, priority: PartneringPriority | null) => set(id, priority).catch(() => undefined), pending: save.isPending };
}
