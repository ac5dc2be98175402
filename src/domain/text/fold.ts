import * as OpenCC from 'opencc-js';

/**
 * Folding: the one normal form search and duplicate matching compare. Traditional Chinese
 * (Taiwan and Hong Kong forms) becomes simplified, full-width letters and digits become ASCII
 * (NFKC), Latin letters become lower case. 醫療器械 and 医疗器械 fold to the same string.
 */
const toSimplifiedTw = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toSimplifiedHk = OpenCC.Converter({ from: 'hk', to: 'cn' });
const HAN_TRADITIONAL_HINT = /[\u3400-\u9fff]/;

export function toSimplified(text: string): string {
  if (!HAN_TRADITIONAL_HINT.test(text)) return text;
  return toSimplifiedHk(toSimplifiedTw(text));
}

export function fold(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}

// Legal-form words that do not tell two organisations apart (longest first).
const LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '集团',
  '公司',
  'co., ltd.',
  'co.,ltd.',
  'co., ltd',
  'co.,ltd',
  'company limited',
  'limited',
  'ltd.',
  'ltd',
  'inc.',
  'inc',
  'corporation',
  'corp.',
  'corp',
  'llc',
  'gmbh',
];

/**
 * The key two names of one organisation share: folded, brackets and punctuation and spaces
 * removed, and a trailing legal form dropped. "江苏恒瑞医药股份有限公司" and
 * "江蘇恒瑞醫藥（股份有限公司）" have the same key.
 */
export function nameKey(name: string): string {
  let key = fold(name).trim();
  for (let changed = true; changed; ) {
    changed = false;
    const bare = key.replace(/[\s()（）[\]【】"'“”‘’·.,，、\-_/&]+$/u, '');
    for (const form of LEGAL_FORMS) {
      if (bare.endsWith(form) && bare.length > form.length) {
        key = bare.slice(0, -form.length);
        changed = true;
        break;
      }
    }
  }
  return key.replace(/[\s()（）[\]【】"'“”‘’·.,，、\-_/&:：;；!！?？]/gu, '');
}
