/**
 * `fold` (src/domain/text/fold.ts) with a cheap pre-check: the OpenCC conversion only runs on
 * text holding a code point at which one of its dictionaries could change something. The
 * conversion is a trie match from each position, so a text with none of those code points comes
 * out of it unchanged; `foldFast(t) === fold(t)` for every string (the unit test checks a corpus
 * and every dictionary key). Most directory text is simplified Chinese or English, where the
 * conversion (≈ 70 µs per record) was the largest part of building the matching index.
 *
 * The trigger set: every dictionary code point the whole conversion changes on its own, and for
 * every phrase key the conversion changes (also with one of its characters replaced by a
 * character another dictionary maps to it) none of whose code points is in the set yet, its
 * code point that is rarest among the keys, guarding the phrase: the conversion runs when the
 * text holds the phrase itself.
 */
import * as OpenCC from 'opencc-js';
import { fold, toSimplified } from './fold';

/** opencc-js dictionaries are "from to|from to|…" strings, nested in arrays (groups, chains). */
function entries(dict: string): [string, string][] {
  return dict
    .split('|')
    .filter((e) => e.length > 0)
    .map((e) => {
      const [from, to] = e.split(' ');
      return [from ?? '', to ?? ''];
    });
}

function flatten(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.flatMap(flatten) : [];
}

/** Every dictionary the converters of fold.ts (from tw and from hk, to cn) may read. */
function dictionaries(): [string, string][] {
  const locale = OpenCC.Locale as unknown as { configs?: Record<string, Record<string, unknown>>; from: Record<string, unknown>; to: Record<string, unknown> };
  const parts: unknown[] = [locale.from.tw, locale.from.hk, locale.to.cn];
  for (const name of ['tw2s', 'hk2s']) {
    const config = locale.configs?.[name];
    if (config) parts.push(config.normalizationChain, config.segmentation, config.conversionChain);
  }
  return parts.flatMap(flatten).flatMap(entries);
}

interface Triggers {
  /** Code points the conversion changes wherever they are. */
  always: Set<number>;
  /** Code point → phrases (holding it) the conversion changes: the text must hold one of them. */
  phrases: Map<number, string[]>;
}
let triggers: Triggers | null = null;

const codePoints = (text: string) => [...text].map((c) => c.codePointAt(0)!);

/** Code points whose presence means the conversion must run (built once, a few hundred ms). */
export function conversionTriggers(): Triggers {
  if (triggers) return triggers;
  const all = dictionaries().filter(([from, to]) => from.length > 0 && from !== to);
  // fold converts only text with a character in U+3400–U+9FFF: an anchor outside the dictionaries makes it look.
  const converts = (text: string) => toSimplified(`㐀${text}`) !== `㐀${text}`;
  // Characters the whole conversion changes on their own.
  const set = new Set<number>();
  const candidates = new Set<number>();
  for (const [from, to] of all) for (const p of [...codePoints(from), ...codePoints(to)]) candidates.add(p);
  for (const p of candidates) if (converts(String.fromCodePoint(p))) set.add(p);
  // Phrases the conversion changes as a whole, also when reached through another dictionary's
  // one-character mapping (a character mapped to another and back alone, but not inside the phrase).
  const sourcesOf = new Map<number, number[]>();
  for (const [from, to] of all) {
    const [f, t] = [codePoints(from), codePoints(to)];
    if (f.length === 1 && t.length === 1 && !set.has(f[0]!)) sourcesOf.set(t[0]!, [...(sourcesOf.get(t[0]!) ?? []), f[0]!]);
  }
  const phrases: number[][] = [];
  for (const [from] of all) {
    const points = codePoints(from);
    if (points.length < 2) continue;
    phrases.push(points);
    points.forEach((p, i) => {
      for (const source of sourcesOf.get(p) ?? []) phrases.push(points.map((q, j) => (j === i ? source : q)));
    });
  }
  const seen = new Map<number, number>();
  for (const points of phrases) for (const p of points) seen.set(p, (seen.get(p) ?? 0) + 1);
  const guarded = new Map<number, string[]>();
  for (const points of phrases) {
    if (points.some((p) => set.has(p))) continue;
    const phrase = String.fromCodePoint(...points);
    if (!converts(phrase)) continue;
    // Filed under its code point rarest among the keys; the text is then searched for the phrase itself.
    const key = points.reduce((best, p) => ((seen.get(p) ?? 0) < (seen.get(best) ?? 0) ? p : best));
    const list = guarded.get(key) ?? [];
    if (!list.includes(phrase)) list.push(phrase);
    guarded.set(key, list);
  }
  triggers = { always: set, phrases: guarded };
  return triggers;
}

/** As in fold.ts: text without one of these characters is never converted. */
const HAN_HINT = /[\u3400-\u9fff]/;

function needsConversion(text: string): boolean {
  if (!HAN_HINT.test(text)) return false;
  const { always, phrases } = conversionTriggers();
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (code < 0x2e80) continue;
    if (always.has(code)) return true;
    const candidates = phrases.get(code);
    if (candidates?.some((phrase) => text.includes(phrase))) return true;
  }
  return false;
}

export function foldFast(text: string): string {
  const normal = text.normalize('NFKC');
  return needsConversion(normal) ? fold(text) : normal.toLowerCase();
}
