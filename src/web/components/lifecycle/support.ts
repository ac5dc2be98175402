import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '../../lib/format';
import { lifecycleApi, lifecycleKeys, modelOf, type LifecycleModel } from '../../services/lifecycle';

/** The models and milestone kinds (data that rarely changes), with names in the UI language. */
export function useLifecycleCatalogue() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const query = useQuery({ queryKey: lifecycleKeys.catalogue, queryFn: lifecycleApi.catalogue, staleTime: 10 * 60_000 });
  const data = query.data;
  const stageName = useCallback(
    (code: string | null | undefined) => {
      if (!code) return '';
      for (const m of data?.models ?? []) {
        const s = m.stages.find((x) => x.code === code);
        if (s) return localName(s, lang);
      }
      return code;
    },
    [data, lang],
  );
  const kindName = useCallback(
    (code: string) => {
      const k = data?.milestoneKinds.find((x) => x.code === code);
      return k ? localName(k, lang) : code;
    },
    [data, lang],
  );
  const model = useCallback(
    (track: string, deviceClass: string | null | undefined): LifecycleModel | undefined => modelOf(data?.models ?? [], track, deviceClass),
    [data],
  );
  return { query, data, stageName, kindName, model, lang };
}

