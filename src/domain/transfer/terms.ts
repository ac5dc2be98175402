import type { Locale } from '../locales';
import { labelKey } from './vocabulary';

/**
 * The vocabularies kept as data (segments, qualifications, services, stages): a cell names a
 * term by its code, its name in any of the three languages, or one of its aliases
 * (所属行业 "器械" → medical_device). Stages are looked up within a track, since 销售流通 is a
 * stage of both the drug and the device tracks.
 */
export interface TermData {
  taxonomy: string;
  code: string;
  groupCode: string | null;
  nameZhHans: string;
  nameZhHant: string;
  nameEn: string;
  aliases: string[];
}

export class TermIndex {
  private readonly byKey = new Map<string, TermData[]>();
  private readonly byCode = new Map<string, TermData>();

  constructor(terms: readonly TermData[]) {
    // Names first, so a term's own name beats another term's alias.
    for (const pass of ['names', 'aliases'] as const) {
      for (const term of terms) {
        if (pass === 'names') this.byCode.set(`${term.taxonomy}:${term.code}`, term);
        const words = pass === 'names' ? [term.code, term.nameZhHans, term.nameZhHant, term.nameEn] : term.aliases;
        for (const word of words) {
          const key = `${term.taxonomy}:${labelKey(word)}`;
          const list = this.byKey.get(key) ?? [];
          if (!list.includes(term)) list.push(term);
          this.byKey.set(key, list);
        }
      }
    }
  }

  /** The terms a cell may mean, best first; within a group when one is given and matches. */
  candidates(taxonomy: string, text: string): TermData[] {
    return this.byKey.get(`${taxonomy}:${labelKey(text)}`) ?? [];
  }

  resolve(taxonomy: string, text: string, group?: string | null): string | null {
    const found = this.candidates(taxonomy, text);
    if (group) return found.find((t) => t.groupCode === group)?.code ?? null;
    return found[0]?.code ?? null;
  }

  get(taxonomy: string, code: string): TermData | undefined {
    return this.byCode.get(`${taxonomy}:${code}`);
  }

  label(taxonomy: string, code: string, locale: Locale): string {
    const term = this.get(taxonomy, code);
    if (!term) return code;
    return locale === 'en' ? term.nameEn : locale === 'zh-TW' ? term.nameZhHant : term.nameZhHans;
  }
}

/** Cells that hold several values: "创新药、细胞治疗", "CRO; CDMO", one per line. */
export function splitList(text: string, options: { slash?: boolean } = {}): string[] {
  return text
    .split(options.slash ? /[、,，;；|\n\r/／]+/u : /[、,，;；|\n\r]+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
