/**
 * The translation catalogue of each language: the platform's file (locales/<lang>.json) and one
 * file per capability area (locales/<area>/<lang>.json), so areas grow without touching each
 * other's files. Top-level sections of an area are its own; `errors` and `fieldErrors` are
 * shared and merged key by key. The server reads the same catalogue for its error messages.
 */
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';
import directoryEn from './locales/directory/en.json';
import directoryZhCN from './locales/directory/zh-CN.json';
import directoryZhTW from './locales/directory/zh-TW.json';
import searchEn from './locales/search/en.json';
import searchZhCN from './locales/search/zh-CN.json';
import searchZhTW from './locales/search/zh-TW.json';
import transferEn from './locales/transfer/en.json';
import transferZhCN from './locales/transfer/zh-CN.json';
import transferZhTW from './locales/transfer/zh-TW.json';

type Tree = { [key: string]: string | Tree };
const SHARED_SECTIONS = ['errors', 'fieldErrors'];

function merge(base: Tree, areas: Tree[]): Tree {
  const out: Tree = { ...base };
  for (const area of areas) {
    for (const [key, value] of Object.entries(area)) {
      if (SHARED_SECTIONS.includes(key) && typeof value === 'object') {
        out[key] = { ...(out[key] as Tree | undefined), ...value };
      } else {
        if (key in out) throw new Error(`locale section "${key}" is defined twice`);
        out[key] = value;
      }
    }
  }
  return out;
}

export const CATALOGUES = {
  'zh-CN': merge(zhCN, [directoryZhCN, searchZhCN, transferZhCN]) as typeof zhCN & Tree,
  'zh-TW': merge(zhTW, [directoryZhTW, searchZhTW, transferZhTW]) as typeof zhTW & Tree,
  en: merge(en, [directoryEn, searchEn, transferEn]) as typeof en & Tree,
};
