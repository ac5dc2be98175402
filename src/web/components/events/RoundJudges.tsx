/** The judges of a round: pick community members (role shown), see each one's progress, unassign. */
import { UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, List, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../lib/errors';
import { judgingApi, judgingKeys, type RoundDetail } from '../../services/judging';
import { RoleTag } from '../RoleTag';

export function RoundJudges({ communityId, round }: { communityId: string; round: RoundDetail }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string | null>(null);
  const open = round.status === 'open';
  const members = useQuery({ queryKey: judgingKeys.members(communityId), queryFn: () => judgingApi.members(communityId), enabled: open });
  const refresh = () => queryClient.invalidateQueries({ queryKey: judgingKeys.event(round.eventId) });
  const assign = useMutation({
    mutationFn: (userId: string) => judgingApi.assignJudge(communityId, round.eventId, round.id, userId),
    onSuccess: () => {
      setPicked(null);
      void refresh();
    },
    onError: (e) => onError(e),
  });
  const unassign = useMutation({ mutationFn: (userId: string) => judgingApi.unassignJudge(communityId, round.eventId, round.id, userId), onSuccess: () => void refresh(), onError: (e) => onError(e) });
  const assigned = new Set(round.judges.map((j) => j.userId));
  // Judges first: most rounds are staffed from members with the judge role.
  const options = (members.data?.items ?? [])
    .filter((m) => !assigned.has(m.userId))
    .sort((a, b) => Number(b.role === 'judge') - Number(a.role === 'judge') || a.displayName.localeCompare(b.displayName))
    .map((m) => ({ value: m.userId, label: `${m.displayName} · ${t(`roles.${m.role}`)} · ${m.email}` }));

  return (
    <Card size="small" title={t('judging.judges.title', { count: round.judges.length })}>
      {open && (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ flex: 1 }}
            placeholder={t('judging.judges.pick')}
            loading={members.isPending}
            value={picked}
            onChange={setPicked}
            options={options}
            data-testid="judging-judge-picker"
          />
          <Button type="primary" icon={<UserAddOutlined />} disabled={!picked} loading={assign.isPending} onClick={() => picked && assign.mutate(picked)} data-testid="judging-judge-assign">
            {t('judging.judges.assign')}
          </Button>
        </Space.Compact>
      )}
      {round.judges.length === 0 ? (
        <Empty description={t('judging.judges.empty')} />
      ) : (
        <List
          dataSource={round.judges}
          renderItem={(j) => (
            <List.Item
              data-testid="judging-judge"
              actions={
                open
                  ? [
                      <Popconfirm key="remove" title={t('judging.judges.confirmRemove')} onConfirm={() => unassign.mutate(j.userId)}>
                        <Button type="link" danger>
                          {t('judging.judges.remove')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {j.displayName}
                    <RoleTag role={j.role} />
                  </Space>
                }
                description={<Typography.Text type="secondary">{t('judging.judges.progress', { submitted: j.submitted, drafts: j.drafts, recused: j.recused })}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
