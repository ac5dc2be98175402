import { CheckCircleOutlined, DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeedbackVerdict } from '../../../domain/matching/vocabularies';
import { useApiErrorHandler } from '../../lib/errors';
import { toggleVerdict } from '../../lib/matching';
import { matchingApi, matchingKeys, type MatchPair } from '../../services/matching';

/**
 * The viewer's verdict on one match, set optimistically: the button shows the new verdict at once,
 * goes back if the server refuses, and clicking the active one again clears it.
 */
export function useFeedback(pair: MatchPair, initial: FeedbackVerdict | null, onSaved?: (verdict: FeedbackVerdict | null) => void) {
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();

  const mutation = useMutation({
    mutationFn: (next: FeedbackVerdict | null) => matchingApi.feedback(pair, next),
    onError: (error) => onError(error),
    // Stays pending until the lists are read again, so the button never flickers back to the old verdict.
    onSuccess: async (_data, next) => {
      onSaved?.(next);
      await queryClient.invalidateQueries({ queryKey: matchingKeys.all });
    },
  });
  // Optimistic: while saving show what was asked; then the server's verdict (a refusal falls back to it).
  const verdict = mutation.isPending ? (mutation.variables ?? null) : initial;

  return {
    verdict,
    set: (next: FeedbackVerdict | null) => mutation.mutate(next),
    toggle: (clicked: FeedbackVerdict) => mutation.mutate(toggleVerdict(verdict, clicked)),
    pending: mutation.isPending,
  };
}

const ICONS: Record<FeedbackVerdict, React.ReactNode> = {
  useful: <LikeOutlined />,
  not_relevant: <DislikeOutlined />,
  contacted: <CheckCircleOutlined />,
};

const ACTIVE_COLOR: Record<FeedbackVerdict, 'primary' | 'danger' | 'green'> = {
  useful: 'primary',
  not_relevant: 'danger',
  contacted: 'green',
};

/** 有用 / 不相关 / 已联系: toggles; `onContact` makes 已联系 open the contact modal instead (when not yet contacted). */
export function FeedbackButtons({
  verdict,
  onToggle,
  onContact,
  size = 'small',
  pending,
}: {
  verdict: FeedbackVerdict | null;
  onToggle: (clicked: FeedbackVerdict) => void;
  onContact?: () => void;
  size?: 'small' | 'middle';
  pending?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Space size={4} wrap data-testid="match-feedback">
      {(['useful', 'not_relevant', 'contacted'] as const).map((v) => {
        const active = verdict === v;
        return (
          <Tooltip key={v} title={active ? t('matching.feedback.undo') : undefined}>
            <Button
              size={size}
              icon={ICONS[v]}
              color={active ? ACTIVE_COLOR[v] : 'default'}
              variant={active ? 'solid' : 'outlined'}
              aria-pressed={active}
              disabled={pending}
              data-testid={`feedback-${v}`}
              data-active={active ? 'true' : 'false'}
              onClick={() => {
                if (v === 'contacted' && !active && onContact) {
                  onContact();
                  return;
                }
                onToggle(v);
                if (active) void message.info(t('matching.feedback.cleared'));
              }}
            >
              {t(`matching.feedback.${v}`)}
            </Button>
          </Tooltip>
        );
      })}
    </Space>
  );
}
