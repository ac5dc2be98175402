/**
 * The directory's vocabularies kept as data (segments, qualifications, services, stages),
 * loaded once and named in the UI language.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectTrack, Taxonomy } from '../../domain/directory';
import { directoryKeys, fetchTaxonomy, type TaxonomyTerm } from '../services/directory';
import { localName } from './format';

export function useTaxonomyQuery() {
  return useQuery({ queryKey: directoryKeys.taxonomy, queryFn: fetchTaxonomy, staleTime: 10 * 60_000 });
}

export interface TermOption {
  value: string;
  label: string;
}

/** Names and select options of taxonomy terms in the current language; unknown codes show as themselves. */
export function useTaxonomy() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const query = useTaxonomyQuery();
  const terms = query.data;

  const byKey = useMemo(() => {
    const map = new Map<string, TaxonomyTerm>();
    for (const term of terms ?? []) map.set(`${term.taxonomy}:${term.code}`, term);
    return map;
  }, [terms]);

  const name = useCallback(
    (taxonomy: Taxonomy, code: string | null | undefined): string => {
      if (!code) return '';
      const term = byKey.get(`${taxonomy}:${code}`);
      return term ? localName(term, lang) : code;
    },
    [byKey, lang],
  );

  const options = useCallback(
    (taxonomy: Taxonomy, group?: string): TermOption[] =>
      (terms ?? [])
        .filter((t) => t.taxonomy === taxonomy && (group === undefined || t.groupCode === group))
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((t) => ({ value: t.code, label: localName(t, lang) })),
    [terms, lang],
  );

  /** The stages of a development track, in their order (drug: research … listed). */
  const stagesOf = useCallback((track: ProjectTrack | null | undefined): TermOption[] => (track ? options('stage', track) : []), [options]);

  /** A stage in any track: "临床II期", for facets that mix tracks. */
  const stageName = useCallback((code: string | null | undefined) => name('stage', code), [name]);

  return { query, name, options, stagesOf, stageName, loaded: Boolean(terms) };
}
