import type { Locale } from '../locales';
import { fold } from '../text/fold';

/**
 * How the fixed vocabularies (src/domain/directory.ts) are written in spreadsheets: the
 * label an export writes for each code, in Chinese and English, and other words the import
 * accepts. The code itself is always accepted too.
 */
export interface VocabularyEntry {
  zh: string;
  en: string;
  aliases: string[];
}
export type Vocabulary = Record<string, VocabularyEntry>;

export const KIND_LABELS: Vocabulary = {
  enterprise: { zh: '企业', en: 'Enterprise', aliases: ['公司', '企业法人', 'company'] },
  investor: { zh: '投资机构', en: 'Investor', aliases: ['投资公司', '创投机构', '风投', 'VC', 'PE', '基金', '投资人'] },
  guidance_fund: { zh: '政府引导基金', en: 'Government guidance fund', aliases: ['引导基金', 'guidance fund'] },
  state_financing: { zh: '国有融资公司', en: 'State-owned financing company', aliases: ['国资平台', '国资融资平台', '国有投资公司', '国资投资平台', '国资'] },
  university: { zh: '高校', en: 'University', aliases: ['大学', '学院', '高等院校'] },
  research_institute: { zh: '科研院所', en: 'Research institute', aliases: ['研究院', '研究所', '科研机构', '新型研发机构'] },
  hospital: { zh: '医院', en: 'Hospital', aliases: ['医疗机构'] },
  service_provider: { zh: '服务机构', en: 'Service provider', aliases: ['服务商', '第三方服务机构', '服务平台'] },
  government_agency: { zh: '政府部门', en: 'Government agency', aliases: ['政府机构', '政府', '主管部门'] },
  park_operator: { zh: '园区运营方', en: 'Park operator', aliases: ['园区', '园区运营商', '产业园', '产业园区'] },
  association: { zh: '协会', en: 'Association', aliases: ['行业协会', '商会', '学会', '联盟', '产业联盟'] },
};

export const LISTING_LABELS: Vocabulary = {
  unlisted: { zh: '未上市', en: 'Unlisted', aliases: ['否', '非上市', 'no', 'private'] },
  listed: { zh: '已上市', en: 'Listed', aliases: ['上市', '是', 'yes', 'public'] },
  delisted: { zh: '已退市', en: 'Delisted', aliases: ['退市'] },
};

export const HEADCOUNT_LABELS: Vocabulary = {
  '1-9': { zh: '1-9人', en: '1-9', aliases: [] },
  '10-49': { zh: '10-49人', en: '10-49', aliases: [] },
  '50-99': { zh: '50-99人', en: '50-99', aliases: [] },
  '100-499': { zh: '100-499人', en: '100-499', aliases: [] },
  '500-999': { zh: '500-999人', en: '500-999', aliases: [] },
  '1000+': { zh: '1000人以上', en: '1000+', aliases: ['1000人及以上', 'over 1000'] },
};
const HEADCOUNT_BOUNDS: [number, string][] = [
  [1000, '1000+'],
  [500, '500-999'],
  [100, '100-499'],
  [50, '50-99'],
  [10, '10-49'],
  [0, '1-9'],
];

export const ROUND_LABELS: Vocabulary = {
  seed: { zh: '种子轮', en: 'Seed', aliases: ['种子'] },
  angel: { zh: '天使轮', en: 'Angel', aliases: ['天使'] },
  pre_a: { zh: 'Pre-A轮', en: 'Pre-A', aliases: ['pre-a', 'prea', 'pre a'] },
  a: { zh: 'A轮', en: 'Series A', aliases: ['a', 'a+轮', 'a+', 'a1轮', 'a2轮'] },
  b: { zh: 'B轮', en: 'Series B', aliases: ['b', 'b+轮', 'b+'] },
  c: { zh: 'C轮', en: 'Series C', aliases: ['c', 'c+轮', 'c+'] },
  d_plus: { zh: 'D轮及以后', en: 'Series D+', aliases: ['d轮', 'e轮', 'f轮', 'd+', 'd+轮', 'd'] },
  pre_ipo: { zh: 'Pre-IPO轮', en: 'Pre-IPO', aliases: ['pre-ipo', 'preipo'] },
  strategic: { zh: '战略融资', en: 'Strategic', aliases: ['战略投资', '战略轮', 'strategic investment'] },
  grant: { zh: '政府资助', en: 'Grant', aliases: ['拨款', '资助', '补助', '专项资金', '政府补助'] },
};

export const CONFIDENTIALITY_LABELS: Vocabulary = {
  public: { zh: '公开', en: 'Public', aliases: ['公开可见', '所有人可见'] },
  community: { zh: '社区内可见', en: 'Community', aliases: ['社区内', '社区可见', '仅社区', '内部', '社区'] },
  named_investors: { zh: '仅指定投资方可见', en: 'Named investors only', aliases: ['指定投资方', '仅指定投资方', '指定投资机构', '保密', 'named investors'] },
};

export const TRACK_LABELS: Vocabulary = {
  drug: { zh: '药品', en: 'Drug', aliases: ['药物', '创新药', '生物药', 'medicine'] },
  device: { zh: '医疗器械', en: 'Medical device', aliases: ['器械', 'device'] },
  ivd: { zh: '体外诊断', en: 'IVD', aliases: ['诊断', '体外诊断试剂', 'in vitro diagnostics'] },
};

export const INVESTOR_TYPE_LABELS: Vocabulary = {
  vc: { zh: '风险投资', en: 'Venture capital', aliases: ['VC', '创投', '风投'] },
  pe: { zh: '私募股权', en: 'Private equity', aliases: ['PE', '私募'] },
  cvc: { zh: '产业投资', en: 'Corporate venture capital', aliases: ['CVC', '产业资本', '企业风投'] },
  angel: { zh: '天使投资', en: 'Angel', aliases: ['天使', '天使投资人'] },
  guidance_fund: { zh: '政府引导基金', en: 'Guidance fund', aliases: ['引导基金'] },
  state_financing: { zh: '国有资本', en: 'State-owned financing', aliases: ['国资'] },
};

export const BOOLEAN_LABELS: Vocabulary = {
  true: { zh: '是', en: 'Yes', aliases: ['同意', 'y', 'true', '1', '已同意', '√'] },
  false: { zh: '否', en: 'No', aliases: ['不同意', 'n', 'false', '0', '未同意', '×'] },
};

const keyCache = new Map<string, string>();
const KEY_CACHE_SIZE = 20_000;

/**
 * The comparison form of a label: folded, no spaces or punctuation. Spreadsheet columns
 * repeat the same few values thousands of times, so keys are remembered (folding runs OpenCC).
 */
export function labelKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    key = fold(text).replace(/[\s"'“”‘’·_\-.()（）]/gu, '');
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
    keyCache.set(text, key);
  }
  return key;
}

const indexes = new WeakMap<Vocabulary, Map<string, string>>();

function indexOf(vocabulary: Vocabulary): Map<string, string> {
  let index = indexes.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const [code, entry] of Object.entries(vocabulary)) {
      for (const word of [code, entry.zh, entry.en, ...entry.aliases]) {
        const key = labelKey(word);
        if (!index.has(key)) index.set(key, code);
      }
    }
    indexes.set(vocabulary, index);
  }
  return index;
}

export function lookupVocabulary(vocabulary: Vocabulary, text: string): string | null {
  return indexOf(vocabulary).get(labelKey(text)) ?? null;
}

export function vocabularyLabel(vocabulary: Vocabulary, code: string, locale: Locale): string {
  const entry = vocabulary[code];
  if (!entry) return code;
  return locale === 'en' ? entry.en : entry.zh;
}

/**
 * Organisation kind from a spreadsheet value. Besides our labels, registry exports put the
 * legal form in 企业类型 ("有限责任公司(自然人投资或控股)"): any company form means enterprise.
 */
export function lookupKind(text: string): string | null {
  const direct = lookupVocabulary(KIND_LABELS, text);
  if (direct) return direct;
  return /公司|企业|有限合伙|个体|股份/u.test(fold(text)) ? 'enterprise' : null;
}

/** Headcount: a band label, a number of people (120 → 100-499), or a range (a band holding its lower end). */
export function lookupHeadcount(text: string): string | null {
  const direct = lookupVocabulary(HEADCOUNT_LABELS, text);
  if (direct) return direct;
  const numbers = fold(text)
    .replace(/,/g, '')
    .match(/\d+/g);
  if (!numbers || numbers.length > 2) return null;
  const low = Number(numbers[0]);
  if (low < 1 && numbers.length === 1) return null;
  return HEADCOUNT_BOUNDS.find(([min]) => low >= min)![1];
}
