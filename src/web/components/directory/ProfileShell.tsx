import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Tabs, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { isValidElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useApiErrorHandler } from '../../lib/errors';
import { ApiError } from '../../services/api';
import { useCommunity } from '../../lib/community';
import { directoryPath, recordNames } from '../../lib/directory';
import { LoadError, NotFoundResult, PageSkeleton } from '../States';
import './directory.css';

export interface ProfileTab {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

/**
 * The frame of every profile page: back to the directory, a header (avatar, both names, tags,
 * facts, actions), and tabs whose choice lives in the address (`?tab=links`) so it can be shared.
 */
export function ProfileShell({
  testId,
  avatar,
  nameZh,
  nameEn,
  tags,
  meta,
  actions,
  tabs,
}: {
  testId: string;
  avatar?: ReactNode;
  nameZh: string;
  nameEn: string | null;
  tags?: ReactNode;
  meta?: ReactNode;
  actions?: ReactNode;
  tabs: ProfileTab[];
}) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const [params, setParams] = useSearchParams();
  const active = tabs.some((tab) => tab.key === params.get('tab')) ? (params.get('tab') as string) : tabs[0]?.key;
  const { primary, secondary } = recordNames(nameZh, nameEn, i18n.language);
  return (
    <div data-testid={testId}>
      <Link to={directoryPath(community.slug)} style={{ display: 'inline-block', marginBottom: 12 }}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ padding: 0 }}>
          {t('dirProfile.backToDirectory')}
        </Button>
      </Link>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <div className="bb-profile-head">
          {avatar}
          <div style={{ minWidth: 0, flex: 1 }}>
            <Typography.Title level={1} data-testid="profile-name">
              {primary}
            </Typography.Title>
            {secondary && <Typography.Text type="secondary">{secondary}</Typography.Text>}
            {tags && (
              <div className="bb-tags" style={{ marginTop: 8 }}>
                {tags}
              </div>
            )}
            {meta && <div className="bb-profile-meta">{meta}</div>}
          </div>
          {actions && <div className="bb-profile-actions">{actions}</div>}
        </div>
      </Card>
      <Card variant="borderless">
        <Tabs
          activeKey={active}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            if (key === tabs[0]?.key) next.delete('tab');
            else next.set('tab', key);
            setParams(next, { replace: true });
          }}
          items={tabs.map((tab) => ({ key: tab.key, label: <span data-testid={`tab-${tab.key}`}>{tab.label}</span>, children: tab.children }))}
        />
      </Card>
    </div>
  );
}

/** Loading, not found (also for records the viewer may not see) and failure of a profile. */
export function ProfileStatus({ error, pending, onRetry }: { error: unknown; pending: boolean; onRetry: () => void }) {
  if (pending) return <PageSkeleton />;
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return <NotFoundResult />;
  return <LoadError error={error} onRetry={onRetry} />;
}

/** Nothing to show: no value, an empty text or list, or a TermTags/TextTags element with nothing in it. */
function isEmpty(value: ReactNode): boolean {
  if (value === null || value === undefined || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isValidElement<{ codes?: unknown[]; values?: unknown[] }>(value)) {
    const { codes, values } = value.props;
    return (Array.isArray(codes) && codes.length === 0) || (Array.isArray(values) && values.length === 0);
  }
  return false;
}

/** A Descriptions list that shows "未填写" for empty values instead of blank cells. */
export function FactList({ items, column = 2 }: { items: { key: string; label: ReactNode; value: ReactNode }[]; column?: number }) {
  const { t } = useTranslation();
  const list: DescriptionsProps['items'] = items.map((item) => ({
    key: item.key,
    label: item.label,
    children:
      isEmpty(item.value) ? (
        <Typography.Text type="secondary">{t('dirProfile.notSet')}</Typography.Text>
      ) : (
        item.value
      ),
  }));
  return <Descriptions size="small" column={{ xs: 1, sm: 1, md: column }} items={list} styles={{ label: { whiteSpace: 'nowrap' } }} />;
}

/**
 * A profile's Edit and Delete buttons, each shown only when the server says it will work.
 * Delete asks first, then returns to the directory.
 */
export function RecordActions({ name, canEdit, canDelete, onEdit, onDelete }: { name: string; canEdit: boolean; canDelete: boolean; onEdit: () => void; onDelete: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: onDelete,
    onSuccess: () => {
      void message.success(t('dirProfile.deleted'));
      void queryClient.invalidateQueries({ queryKey: ['search'] });
      void navigate(directoryPath(community.slug));
    },
    onError: (e) => onError(e),
  });
  return (
    <>
      {canEdit && (
        <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="edit-record">
          {t('dirProfile.edit')}
        </Button>
      )}
      {canDelete && (
        <Button
          danger
          icon={<DeleteOutlined />}
          onClick={() =>
            modal.confirm({
              title: t('dirProfile.deleteTitle'),
              content: t('dirProfile.deleteText', { name }),
              okText: t('dirProfile.delete'),
              okButtonProps: { danger: true },
              cancelText: t('common.cancel'),
              onOk: () => remove.mutateAsync().catch(() => undefined),
            })
          }
        >
          {t('dirProfile.delete')}
        </Button>
      )}
    </>
  );
}
