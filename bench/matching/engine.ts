/**
 * The engine as the offline evaluation drives it: one MatchIndex holding every generated record
 * (with the seed thesaurus), asked for the top candidates of a subject with an all-seeing viewer.
 */
import { MatchIndex } from '../../src/domain/matching/index';
import type { MatchFeatures, MatchViewer } from '../../src/domain/matching/types';
import type { MatchTarget } from '../../src/domain/matching/vocabularies';
import { Thesaurus, type ThesaurusConceptData } from '../../src/domain/thesaurus/thesaurus';

/** A platform admin sees every record: the evaluation measures ranking, not visibility. */
export const ALL_SEEING: MatchViewer = { isPlatformAdmin: true, memberOf: new Set(), staffOf: new Set(), represents: new Set() };

export interface BenchEngine {
  buildSeconds: number;
  top(target: MatchTarget, subject: MatchFeatures, limit: number): string[];
}

export function buildEngine(records: readonly MatchFeatures[], concepts: readonly ThesaurusConceptData[]): BenchEngine {
  const t0 = performance.now();
  const index = new MatchIndex();
  index.setThesaurus(Thesaurus.build([...concepts]));
  for (const f of records) index.upsert(f);
  const buildSeconds = Math.round((performance.now() - t0) / 10) / 100;
  return {
    buildSeconds,
    top(target, subject, limit) {
      const result = index.top(target, subject, { limit, viewer: ALL_SEEING, ownFeedback: new Map(), includeDismissed: false });
      return result.items.map((item) => item.id);
    },
  };
}
