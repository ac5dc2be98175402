/**
 * The words of a match in the UI language: criteria, the codes that matched (named from the
 * taxonomy, the lifecycle catalogue and the province list; text matches as the terms that met),
 * the gaps with their numbers in 万元/亿元 or m², and the kind of a record.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLifecycleCatalogue } from '../lifecycle/support';
import { MATCHED_VOCABULARY, parseGap, parseMatched, type Reason } from '../../lib/matching';
import { formatMoney, formatMoneyRange } from '../../lib/money';
import { formatNumber } from '../../lib/format';
import { provinceName } from '../../lib/regions';
import { useTaxonomy } from '../../lib/taxonomy';
import type { CriterionDto, MatchRecord } from '../../services/matching';

/** Which criterion's vocabulary names the codes a gap carries. */
const GAP_VOCABULARY: Record<string, string> = {
  milestone_missing: 'milestones',
  qualification_missing: 'qualifications',
  service_not_offered: 'services',
  partnership_not_done: 'partnership',
};

/** "CAR-T ≈ 免疫细胞治疗": the terms that named one concept on each side (one when they are the same). */
function termPair(subjectTerm: string, candidateTerm: string): string {
  if (!candidateTerm || subjectTerm === candidateTerm) return subjectTerm || candidateTerm;
  if (!subjectTerm) return candidateTerm;
  return `${subjectTerm} ≈ ${candidateTerm}`;
}

export function useMatchWords() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const tax = useTaxonomy();
  const lifecycle = useLifecycleCatalogue();
  const listSep = lang === 'en' ? ', ' : '、';

  const criterionName = useCallback((code: string) => t(`matching.criteria.${code}.name`, { defaultValue: code }), [t]);

  /** The name of one matched entry of a criterion ("cell_therapy" → 细胞治疗, a concept → its terms). */
  const matchedName = useCallback(
    (criterion: string, value: string): string => {
      if (criterion === 'text') {
        const m = parseMatched(value);
        if (m.kind === 'term') return m.term;
        if (m.kind === 'concept' || m.kind === 'related') return termPair(m.subjectTerm, m.candidateTerm) || m.code;
        return m.code;
      }
      switch (MATCHED_VOCABULARY[criterion]) {
        case 'segment':
          return tax.name('segment', value);
        case 'segment_or_stage': {
          const segment = tax.name('segment', value);
          return segment !== value ? segment : tax.stageName(value);
        }
        case 'service':
          return tax.name('service', value);
        case 'qualification':
          return tax.name('qualification', value);
        case 'stage':
          return tax.stageName(value);
        case 'milestone':
          return lifecycle.kindName(value);
        case 'province':
          return provinceName(value, lang);
        case 'partnership':
          return t(`matching.partnerships.${value}`, { defaultValue: value });
        default:
          return value;
      }
    },
    [tax, lifecycle, lang, t],
  );

  const numbers = useCallback(
    (values: Record<string, number>) => ({
      sought: formatMoney(values.soughtFen, lang),
      ticketMin: formatMoney(values.ticketMinFen, lang),
      ticketMax: formatMoney(values.ticketMaxFen, lang),
      range: formatMoneyRange(values.ticketMinFen, values.ticketMaxFen, lang),
      area: values.freeAreaSqm !== undefined ? t('matching.units.sqm', { value: formatNumber(values.freeAreaSqm, lang) }) : '',
      covered: values.covered ?? 0,
      needed: values.needed ?? 0,
      useful: values.useful ?? 0,
      notRelevant: values.notRelevant ?? 0,
      contacted: values.contacted ?? 0,
    }),
    [lang, t],
  );

  /** A gap in words: short for a tag, detail (with numbers and names) for the explanation. */
  const gapText = useCallback(
    (criterion: string, gap: string | undefined, values: Record<string, number>, form: 'short' | 'detail'): string => {
      const generic = () => t(`matching.gaps.generic.${form}`, { criterion: criterionName(criterion) });
      if (!gap) return t(`matching.criteria.${criterion}.missing`, { defaultValue: generic() });
      const { code, args } = parseGap(gap);
      const itemCriterion = GAP_VOCABULARY[code] ?? criterion;
      const items = args.map((a) => matchedName(itemCriterion, a)).join(listSep);
      // A gap that lists codes but got none says it shortly.
      if (form === 'detail' && GAP_VOCABULARY[code] && !items) return t(`matching.gaps.${code}.short`, { defaultValue: generic() });
      return t(`matching.gaps.${code}.${form}`, { ...numbers(values), items, defaultValue: generic() });
    },
    [t, criterionName, matchedName, numbers, listSep],
  );

  /** A reason tag: "领域相符: 细胞治疗", "轮次与阶段相符", "单笔投资额低于融资需求". */
  const reasonText = useCallback(
    (reason: Reason): string => {
      if (reason.kind === 'gap') return gapText(reason.code, reason.gap, reason.values, 'short');
      const label = t(`matching.criteria.${reason.code}.${reason.status}`, { defaultValue: criterionName(reason.code) });
      const shown = [...new Set(reason.matched.slice(0, 2).map((m) => matchedName(reason.code, m)))];
      if (shown.length === 0) return label;
      const more = reason.matched.length > 2 ? ' …' : '';
      return `${label}: ${shown.join(listSep)}${more}`;
    },
    [t, criterionName, matchedName, gapText, listSep],
  );

  const matchedList = useCallback((c: CriterionDto) => [...new Set(c.matched.map((m) => matchedName(c.code, m)))], [matchedName]);

  /** The numbers behind a criterion, in words ("融资需求 5,000 万元 · 投资区间 500 万元 – 3 亿元"); empty when none. */
  const valuesText = useCallback(
    (c: CriterionDto): string => {
      const v = c.values ?? {};
      if (Object.keys(v).length === 0) return '';
      const n = numbers(v);
      switch (c.code) {
        case 'ticket':
          return [n.sought && t('matching.values.sought', { value: n.sought }), n.range && t('matching.values.range', { value: n.range })].filter(Boolean).join(' · ');
        case 'space':
          return n.area ? t('matching.values.space', { value: n.area }) : '';
        case 'services':
          return v.needed ? t('matching.values.services', { covered: n.covered, needed: n.needed }) : '';
        case 'feedback':
          return t('matching.values.feedback', { useful: n.useful, notRelevant: n.notRelevant, contacted: n.contacted });
        default:
          return '';
      }
    },
    [numbers, t],
  );

  /** The kind of a record: organisation kind, project track, community kind, else its type. */
  const kindName = useCallback(
    (record: Pick<MatchRecord, 'type' | 'kind'>): string => {
      const type = t(`matching.types.${record.type}`);
      switch (record.type) {
        case 'organisation':
          return t(`dir.kinds.${record.kind}`, { defaultValue: type });
        case 'project':
          return t(`dir.tracks.${record.kind}`, { defaultValue: type });
        case 'community':
          return t(`kinds.${record.kind}`, { defaultValue: type });
        default:
          return type;
      }
    },
    [t],
  );

  return { criterionName, matchedName, gapText, reasonText, matchedList, valuesText, kindName, lang };
}
