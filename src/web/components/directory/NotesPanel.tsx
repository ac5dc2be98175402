import { DeleteOutlined, EditOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Avatar, Button, Card, Col, Empty, Input, Popconfirm, Rate, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../domain/directory';
import { useCommunity } from '../../lib/community';
import { useApiErrorHandler } from '../../lib/errors';
import { formatDateTime, localName } from '../../lib/format';
import { useSession } from '../../lib/session';
import { directoryApi, directoryKeys, type Annotation, type Note } from '../../services/directory';
import { LoadError } from '../States';

/**
 * The current community's private view of a record: its notes, tags and 1–5 rating. No other
 * community sees them; only the community's staff (notes.read / notes.write) see this panel.
 */
export function NotesPanel({ type, id }: { type: EntityType; id: string }) {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const canWrite = can('notes.write');
  return (
    <div data-testid="notes-panel">
      <Alert type="info" showIcon icon={<LockOutlined />} title={t('dirNotes.privacy', { community: localName(community, i18n.language) })} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <AnnotationCard type={type} id={id} canWrite={canWrite} />
        </Col>
        <Col xs={24} lg={15}>
          <NotesList type={type} id={id} canWrite={canWrite} />
        </Col>
      </Row>
    </div>
  );
}

function AnnotationCard({ type, id, canWrite }: { type: EntityType; id: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const annotation = useQuery({ queryKey: directoryKeys.annotation(community.id, type, id), queryFn: () => directoryApi.annotation(community.id, type, id) });
  const known = useQuery({ queryKey: directoryKeys.tags(community.id), queryFn: () => directoryApi.tags(community.id), enabled: canWrite, staleTime: 60_000 });
  // Edits start from the saved annotation and stay local until saved.
  const [draft, setDraft] = useState<{ tags: string[]; rating: number | null } | null>(null);
  const saved = annotation.data;
  const current = draft ?? { tags: saved?.tags ?? [], rating: saved?.rating ?? null };

  const save = useMutation({
    mutationFn: () => directoryApi.saveAnnotation(community.id, { entityType: type, entityId: id, tags: current.tags, rating: current.rating }),
    onSuccess: (a: Annotation) => {
      queryClient.setQueryData(directoryKeys.annotation(community.id, type, id), a);
      void queryClient.invalidateQueries({ queryKey: directoryKeys.tags(community.id) });
      setDraft(null);
      void message.success(t('dirNotes.annotationSaved'));
    },
    onError: (e) => onError(e),
  });

  return (
    <Card size="small" title={t('dirNotes.tagsAndRating')} data-testid="annotation-card">
      {annotation.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : annotation.error ? (
        <LoadError error={annotation.error} onRetry={() => void annotation.refetch()} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <div>
            <Typography.Text type="secondary">{t('dirNotes.rating')}</Typography.Text>
            <div>
              <Rate value={current.rating ?? 0} disabled={!canWrite} allowClear onChange={(v) => setDraft({ ...current, rating: v || null })} data-testid="rating" />
              {current.rating === null && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                  {t('dirNotes.notRated')}
                </Typography.Text>
              )}
            </div>
          </div>
          <div>
            <Typography.Text type="secondary">{t('dirNotes.tags')}</Typography.Text>
            <Select
              mode="tags"
              style={{ width: '100%' }}
              value={current.tags}
              disabled={!canWrite}
              maxCount={30}
              tokenSeparators={[',', '，', '、']}
              placeholder={t('dirNotes.tagsPlaceholder')}
              options={(known.data ?? []).map((tag) => ({ value: tag, label: tag }))}
              onChange={(tags: string[]) => setDraft({ ...current, tags: [...new Set(tags.map((x) => x.trim().slice(0, 30)).filter(Boolean))] })}
              data-testid="tags-select"
            />
          </div>
          {canWrite && (
            <Space>
              <Button type="primary" icon={<SaveOutlined />} disabled={!draft} loading={save.isPending} onClick={() => save.mutate()} data-testid="save-annotation">
                {t('common.save')}
              </Button>
              {draft && <Button onClick={() => setDraft(null)}>{t('common.reset')}</Button>}
            </Space>
          )}
        </Space>
      )}
    </Card>
  );
}

function NotesList({ type, id, canWrite }: { type: EntityType; id: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const session = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const key = directoryKeys.notes(community.id, type, id);
  const notes = useQuery({ queryKey: key, queryFn: () => directoryApi.notes(community.id, type, id) });
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: directoryKeys.activity(type, id) });
  };

  const add = useMutation({
    mutationFn: () => directoryApi.addNote(community.id, type, id, text.trim()),
    onSuccess: () => {
      setText('');
      refresh();
      void message.success(t('dirNotes.added'));
    },
    onError: (e) => onError(e),
  });
  const update = useMutation({
    mutationFn: (n: { id: string; body: string }) => directoryApi.updateNote(community.id, n.id, n.body.trim()),
    onSuccess: () => {
      setEditing(null);
      refresh();
      void message.success(t('dirNotes.updated'));
    },
    onError: (e) => onError(e),
  });
  const remove = useMutation({
    mutationFn: (n: Note) => directoryApi.deleteNote(community.id, n.id),
    onSuccess: () => {
      refresh();
      void message.success(t('dirNotes.deleted'));
    },
    onError: (e) => onError(e),
  });

  const list = [...(notes.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Card size="small" title={t('dirNotes.notes', { count: list.length })}>
      {canWrite && (
        <div style={{ marginBottom: 12 }}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={4000}
            placeholder={t('dirNotes.placeholder')}
            data-testid="note-input"
          />
          <div style={{ textAlign: 'right', marginTop: 8 }}>
            <Button type="primary" disabled={!text.trim()} loading={add.isPending} onClick={() => add.mutate()} data-testid="add-note">
              {t('dirNotes.add')}
            </Button>
          </div>
        </div>
      )}
      {notes.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : notes.error ? (
        <LoadError error={notes.error} onRetry={() => void notes.refetch()} />
      ) : list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dirNotes.empty')} />
      ) : (
        list.map((n) => {
          const mine = n.author?.id === session.data?.user?.id;
          const edited = n.updatedAt !== n.createdAt;
          return (
            <div className="bb-note" key={n.id} data-testid="note">
              <Space size={8}>
                <Avatar size={24} style={{ background: '#e6f4f5', color: '#0b7a85' }}>
                  {(n.author?.displayName ?? '?').slice(0, 1)}
                </Avatar>
                <Typography.Text strong>{n.author?.displayName ?? t('dirNotes.formerMember')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt, i18n.language, community.timeZone)}
                  {edited ? ` · ${t('dirNotes.edited')}` : ''}
                </Typography.Text>
              </Space>
              {editing?.id === n.id ? (
                <div style={{ marginTop: 8 }}>
                  <Input.TextArea value={editing.body} onChange={(e) => setEditing({ id: n.id, body: e.target.value })} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
                  <Space style={{ marginTop: 8 }}>
                    <Button type="primary" size="small" disabled={!editing.body.trim()} loading={update.isPending} onClick={() => update.mutate(editing)}>
                      {t('common.save')}
                    </Button>
                    <Button size="small" onClick={() => setEditing(null)}>
                      {t('common.cancel')}
                    </Button>
                  </Space>
                </div>
              ) : (
                <div className="bb-note-body">{n.body}</div>
              )}
              {canWrite && editing?.id !== n.id && (
                <Space size={0}>
                  {mine && (
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ id: n.id, body: n.body })}>
                      {t('dirNotes.edit')}
                    </Button>
                  )}
                  <Popconfirm
                    title={t('dirNotes.deleteTitle')}
                    okText={t('dirNotes.delete')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove.mutateAsync(n).catch(() => undefined)}
                  >
                    <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                      {t('dirNotes.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              )}
            </div>
          );
        })
      )}
    </Card>
  );
}
