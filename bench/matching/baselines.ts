/**
 * The two baselines the engine is measured against:
 * - popularity: candidates by their number of visible links (of the relation evaluated);
 * - text only: TF-IDF cosine between the subject's text and each candidate's text, tokens from
 *   the platform's tokenizer (jieba, folded), no thesaurus, no structured fields.
 * Both leave out the subject's visible links, as the engine does.
 */
import { tokenise } from '../../src/domain/text/tokenise';

function byScoreThenId(a: { id: string; score: number }, b: { id: string; score: number }): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class PopularityBaseline {
  private readonly order: string[];

  constructor(candidateIds: readonly string[], degree: ReadonlyMap<string, number>) {
    this.order = candidateIds.map((id) => ({ id, score: degree.get(id) ?? 0 })).sort(byScoreThenId).map((x) => x.id);
  }

  top(exclude: ReadonlySet<string>, limit: number): string[] {
    const out: string[] = [];
    for (const id of this.order) {
      if (out.length >= limit) break;
      if (!exclude.has(id)) out.push(id);
    }
    return out;
  }
}

/** Term counts of a text. */
function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokenise(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

export class TextBaseline {
  private readonly ids: string[];
  private readonly sortedIds: string[];
  private readonly postings = new Map<string, { doc: number; w: number }[]>();
  private readonly idf = new Map<string, number>();

  constructor(candidates: readonly { id: string; text: string }[]) {
    this.ids = candidates.map((c) => c.id);
    this.sortedIds = [...this.ids].sort();
    const docs = candidates.map((c) => termCounts(c.text));
    const df = new Map<string, number>();
    for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = docs.length;
    for (const [t, f] of df) this.idf.set(t, Math.log((n + 1) / (f + 1)) + 1);
    docs.forEach((d, doc) => {
      const weights = [...d].map(([t, tf]) => [t, (1 + Math.log(tf)) * this.idf.get(t)!] as const);
      const norm = Math.sqrt(weights.reduce((s, [, w]) => s + w * w, 0)) || 1;
      for (const [t, w] of weights) {
        const list = this.postings.get(t);
        const entry = { doc, w: w / norm };
        if (list) list.push(entry);
        else this.postings.set(t, [entry]);
      }
    });
  }

  top(subjectText: string, exclude: ReadonlySet<string>, limit: number): string[] {
    const q = [...termCounts(subjectText)]
      .filter(([t]) => this.idf.has(t))
      .map(([t, tf]) => [t, (1 + Math.log(tf)) * this.idf.get(t)!] as const);
    const norm = Math.sqrt(q.reduce((s, [, w]) => s + w * w, 0)) || 1;
    const scores = new Map<number, number>();
    for (const [t, w] of q) for (const p of this.postings.get(t)!) scores.set(p.doc, (scores.get(p.doc) ?? 0) + (w / norm) * p.w);
    const ranked = [...scores].map(([doc, score]) => ({ id: this.ids[doc]!, score })).filter((x) => !exclude.has(x.id)).sort(byScoreThenId);
    const out = ranked.slice(0, limit).map((x) => x.id);
    // Fewer matching candidates than asked for: the rest in id order (all score 0).
    if (out.length < limit) {
      const have = new Set(out);
      for (const id of this.sortedIds) {
        if (out.length >= limit) break;
        if (!have.has(id) && !exclude.has(id)) out.push(id);
      }
    }
    return out;
  }
}
