/**
 * What the three record forms share: a body that names only the changed fields (so an edit never
 * overwrites what the editor could not see, such as hidden contact channels), the version
 * conflict dialog with a reload, and a money input in 万元.
 */
import { App, Drawer, Grid, InputNumber, Select, Spin } from 'antd';
import type { FormInstance } from 'antd';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../services/api';
import { directoryApi, directoryKeys, type EntityRef } from '../../services/directory';
import { useApiErrorHandler } from '../../lib/errors';
import { recordName } from '../../lib/directory';
import type { EntityType } from '../../../domain/directory';

/** The keys of `next` whose value differs from `before` (compared as JSON). */
export function changedFields<T extends Record<string, unknown>>(next: T, before: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[key] ?? null) !== JSON.stringify(before[key] ?? null)) out[key] = next[key];
  }
  return out;
}

/**
 * Error handling for a record form: a stale version opens a dialog that reloads the record into
 * the form (the user's unsaved edits are dropped, which the dialog says); everything else goes
 * to the fields or a toast.
 */
export function useRecordFormErrors<V>(form: FormInstance<V>, fieldNames: readonly string[], reload: (() => Promise<void>) | undefined) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const onError = useApiErrorHandler();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.code === 'version_conflict' && reload) {
        modal.confirm({
          title: t('dirForm.conflictTitle'),
          content: t('dirForm.conflictText'),
          okText: t('dirForm.reload'),
          cancelText: t('common.cancel'),
          onOk: reload,
        });
        return;
      }
      onError(error, form, fieldNames);
      // The form may be scrolled to its buttons: bring the first field the server named into view.
      const first = error instanceof ApiError && error.fields ? Object.keys(error.fields)[0]?.split('.')[0] : undefined;
      if (first && fieldNames.includes(first)) form.scrollToField(first as never, { block: 'center' });
    },
    [form, fieldNames, reload, modal, onError, t],
  );
}

/** The drawer a record form opens in: full width on a phone. Closing it drops the form's state. */
export function RecordDrawer(props: { open: boolean; onClose: () => void; title: string; width: number; testId: string; children: ReactNode }) {
  const isMobile = Grid.useBreakpoint().md === false;
  return (
    <Drawer open={props.open} onClose={props.onClose} size={isMobile ? '100%' : props.width} title={props.title} destroyOnHidden data-testid={props.testId}>
      {props.children}
    </Drawer>
  );
}

/**
 * Saving a record form. Creating sends the whole body; editing sends only the fields that
 * changed since the record was loaded, with its version (a stale version opens the reload
 * dialog of useRecordFormErrors, which puts the fresh record into the form). After a save the
 * record, its activity and the search are refetched.
 */
export function useRecordSave<R extends { id: string; version: number }, V, B extends Record<string, unknown>, S extends { id: string }>(options: {
  entityType: EntityType;
  form: FormInstance<V>;
  record: R | undefined;
  toValues: (record: R) => V;
  /** The API body of the form's values; `base` is the record being edited, if any. */
  bodyOf: (values: V, base: R | undefined) => B;
  fieldNames: readonly string[];
  create: (body: B, values: V) => Promise<S>;
  update: (id: string, body: Partial<B> & { version: number }) => Promise<S>;
  onReload?: () => Promise<R | undefined>;
  onSaved?: (saved: S) => void;
  onClose: () => void;
  /** Other queries that show this record (a project appears on its owner's page). */
  alsoInvalidate?: QueryKey[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { entityType, form, toValues, bodyOf, onReload, onSaved, onClose } = options;
  const [base, setBase] = useState<R | undefined>(options.record);
  const reload = onReload
    ? async () => {
        const fresh = await onReload();
        if (!fresh) return;
        setBase(fresh);
        form.resetFields();
        form.setFieldsValue(toValues(fresh) as never);
      }
    : undefined;
  const onError = useRecordFormErrors(form, options.fieldNames, reload);
  const save = useMutation({
    mutationFn: async (values: V) => {
      const body = bodyOf(values, base);
      if (!base) return options.create(body, values);
      const changes = changedFields(body, bodyOf(toValues(base), base));
      if (Object.keys(changes).length === 0) return null;
      return options.update(base.id, { version: base.version, ...changes });
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t('dirForm.noChanges'));
        onClose();
        return;
      }
      void message.success(base ? t('dirForm.saved') : t('dirForm.created'));
      for (const queryKey of [directoryKeys.record(entityType, saved.id), directoryKeys.activity(entityType, saved.id), ['search'], ...(options.alsoInvalidate ?? [])]) {
        void queryClient.invalidateQueries({ queryKey });
      }
      onSaved?.(saved);
      onClose();
    },
    onError,
  });
  return { base, save };
}

/** An amount typed in 万元 (the form holds 万元; the body converts to fen). */
export function WanInput(props: { value?: number | null; onChange?: (v: number | null) => void; id?: string; 'data-testid'?: string }) {
  const { t } = useTranslation();
  return (
    <InputNumber<number>
      id={props.id}
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(v ?? null)}
      min={0}
      max={1e9}
      precision={2}
      style={{ width: '100%' }}
      suffix={t('dir.money.wanUnit')}
      formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
      parser={(v) => Number((v ?? '').replace(/,/g, ''))}
      data-testid={props['data-testid']}
    />
  );
}

/**
 * Picks directory records of one type by searching the directory. `known` names the ones already
 * chosen (a project's owner, its named investors) so they show by name before any search.
 */
export function RecordSelect({
  type = 'organisation',
  value,
  onChange,
  known = [],
  multiple = false,
  kind,
  id,
  testId,
}: {
  type?: EntityType;
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null) => void;
  known?: EntityRef[];
  multiple?: boolean;
  kind?: string[];
  id?: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const results = useQuery({
    queryKey: ['record-picker', type, q, kind ?? []],
    queryFn: () => directoryApi.search({ q: q || undefined, type: [type], kind }, undefined, 20),
    staleTime: 30_000,
  });
  const options = new Map<string, string>();
  for (const ref of known) options.set(ref.id, recordName(ref.nameZh, ref.nameEn, i18n.language));
  for (const hit of results.data?.items ?? []) options.set(hit.entityId, recordName(hit.titleZh, hit.titleEn, i18n.language));
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v: string | string[] | undefined) => onChange?.(v ?? (multiple ? [] : null))}
      placeholder={t(`dirForm.searchRecord.${type}`)}
      notFoundContent={results.isFetching ? <Spin size="small" /> : t('dirForm.noRecord')}
      options={[...options].map(([v, label]) => ({ value: v, label }))}
      data-testid={testId}
    />
  );
}

export const OrganisationSelect = RecordSelect;
