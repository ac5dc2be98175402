/**
 * What the three record forms share: a body that names only the changed fields (so an edit never
 * overwrites what the editor could not see, such as hidden contact channels), the version
 * conflict dialog with a reload, and a money input in 万元.
 */
import { App, InputNumber, Select, Spin } from 'antd';
import type { FormInstance } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../services/api';
import { directoryApi, type EntityRef } from '../../services/directory';
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
