import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/States';
import { ConceptDrawer } from '../../components/thesaurus/ConceptDrawer';
import { useApiErrorHandler } from '../../lib/errors';
import { useTaxonomy } from '../../lib/taxonomy';
import { THESAURUS_LANGS, thesaurusApi, thesaurusKeys, type ThesaurusConcept } from '../../services/thesaurus';

/**
 * The domain thesaurus for platform admins: concepts with their terms in three languages, the
 * segment each belongs to and the concepts related to it; search, add, edit, delete.
 */
export function AdminThesaurusPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const [q, setQ] = useState('');
  const [segment, setSegment] = useState<string | undefined>();
  const [editing, setEditing] = useState<ThesaurusConcept | 'new' | null>(null);

  const list = useInfiniteQuery({
    queryKey: thesaurusKeys.list(q, segment),
    queryFn: ({ pageParam }) => thesaurusApi.list({ q, segment, cursor: pageParam, limit: 100 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const every = useQuery({ queryKey: thesaurusKeys.every, queryFn: thesaurusApi.every, staleTime: 60_000 });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const allCodes = useMemo(() => (every.data ?? []).map((c) => c.code), [every.data]);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: thesaurusKeys.all });
  const remove = useMutation({
    mutationFn: (c: ThesaurusConcept) => thesaurusApi.remove(c.id, c.version),
    onSuccess: () => {
      void message.success(t('thesaurus.deleted'));
      refresh();
    },
    onError: (e) => onError(e),
  });

  const columns: TableColumnsType<ThesaurusConcept> = [
    { title: t('thesaurus.code'), dataIndex: 'code', width: 180, render: (code: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{code}</Typography.Text> },
    ...THESAURUS_LANGS.map((lang) => ({
      title: t(`thesaurus.lang.${lang}`),
      key: lang,
      render: (_: unknown, c: ThesaurusConcept) => (
        <Space size={[4, 4]} wrap>
          {c.terms
            .filter((x) => x.lang === lang)
            .map((x) => (
              <Tag key={x.term}>{x.term}</Tag>
            ))}
        </Space>
      ),
    })),
    { title: t('thesaurus.segment'), dataIndex: 'segment', width: 140, render: (s: string | null) => (s ? taxonomy.name('segment', s) : t('thesaurus.noSegment')) },
    {
      title: t('thesaurus.related'),
      key: 'related',
      width: 220,
      render: (_: unknown, c: ThesaurusConcept) => {
        const codes = [...new Set([...c.relatedCodes, ...c.relatedFrom])];
        return (
          <Space size={[4, 4]} wrap>
            {codes.map((code) => (
              <Tag key={code} color={c.relatedCodes.includes(code) ? 'blue' : undefined}>
                {code}
              </Tag>
            ))}
          </Space>
        );
      },
    },
    {
      key: 'actions',
      width: 170,
      render: (_: unknown, c: ThesaurusConcept) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} data-testid={`thesaurus-edit-${c.code}`}>
            {t('thesaurus.edit')}
          </Button>
          <Popconfirm title={t('thesaurus.deleteConfirm', { code: c.code })} onConfirm={() => remove.mutateAsync(c).catch(() => undefined)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
            <Button size="small" danger icon={<DeleteOutlined />} data-testid={`thesaurus-delete-${c.code}`}>
              {t('thesaurus.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="admin-thesaurus-page">
      <PageHeader
        title={t('thesaurus.title')}
        subtitle={t('thesaurus.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="thesaurus-add">
            {t('thesaurus.add')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('thesaurus.search')} onSearch={(v) => setQ(v.trim())} style={{ width: 320 }} data-testid="thesaurus-search" />
          <Select allowClear placeholder={t('thesaurus.allSegments')} options={taxonomy.options('segment')} value={segment} onChange={setSegment} style={{ width: 200 }} />
        </Space>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Table<ThesaurusConcept>
              rowKey="id"
              size="small"
              loading={list.isLoading}
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: t('thesaurus.empty') }}
              expandable={{ rowExpandable: (c) => c.note.length > 0, expandedRowRender: (c) => <Typography.Paragraph style={{ margin: 0 }}>{c.note}</Typography.Paragraph> }}
            />
            {list.hasNextPage && (
              <Button style={{ marginTop: 12 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('thesaurus.loadMore')}
              </Button>
            )}
          </>
        )}
      </Card>
      {editing !== null && (
        <ConceptDrawer
          open
          concept={editing === 'new' ? null : editing}
          allCodes={allCodes}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
    </div>
  );
}
