/**
 * The translation catalogue of each language: the platform's file (locales/<lang>.json) and one
 * file per capability area (locales/<area>/<lang>.json), so areas grow without touching each
 * other's files. Top-level sections of an area are its own; `errors`, `fieldErrors` and `audit`
 * are shared and merged key by key. The server reads the same catalogue for its error messages.
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
import lifecycleEn from './locales/lifecycle/en.json';
import lifecycleZhCN from './locales/lifecycle/zh-CN.json';
import lifecycleZhTW from './locales/lifecycle/zh-TW.json';
import pipelinesEn from './locales/pipelines/en.json';
import pipelinesZhCN from './locales/pipelines/zh-CN.json';
import pipelinesZhTW from './locales/pipelines/zh-TW.json';
import referralsEn from './locales/referrals/en.json';
import referralsZhCN from './locales/referrals/zh-CN.json';
import referralsZhTW from './locales/referrals/zh-TW.json';
import landingEn from './locales/landing/en.json';
import landingZhCN from './locales/landing/zh-CN.json';
import landingZhTW from './locales/landing/zh-TW.json';
import agreementsEn from './locales/agreements/en.json';
import agreementsZhCN from './locales/agreements/zh-CN.json';
import agreementsZhTW from './locales/agreements/zh-TW.json';
import eventsEn from './locales/events/en.json';
import eventsZhCN from './locales/events/zh-CN.json';
import eventsZhTW from './locales/events/zh-TW.json';
import registrationsEn from './locales/registrations/en.json';
import registrationsZhCN from './locales/registrations/zh-CN.json';
import registrationsZhTW from './locales/registrations/zh-TW.json';
import eventDoorEn from './locales/eventDoor/en.json';
import eventDoorZhCN from './locales/eventDoor/zh-CN.json';
import eventDoorZhTW from './locales/eventDoor/zh-TW.json';
import applicationsEn from './locales/applications/en.json';
import applicationsZhCN from './locales/applications/zh-CN.json';
import applicationsZhTW from './locales/applications/zh-TW.json';
import judgingEn from './locales/judging/en.json';
import judgingZhCN from './locales/judging/zh-CN.json';
import judgingZhTW from './locales/judging/zh-TW.json';
import eventOutcomesEn from './locales/eventOutcomes/en.json';
import eventOutcomesZhCN from './locales/eventOutcomes/zh-CN.json';
import eventOutcomesZhTW from './locales/eventOutcomes/zh-TW.json';
import messagesEn from './locales/messages/en.json';
import messagesZhCN from './locales/messages/zh-CN.json';
import messagesZhTW from './locales/messages/zh-TW.json';
import partneringEn from './locales/partnering/en.json';
import partneringZhCN from './locales/partnering/zh-CN.json';
import partneringZhTW from './locales/partnering/zh-TW.json';
import partneringOrgEn from './locales/partneringOrg/en.json';
import partneringOrgZhCN from './locales/partneringOrg/zh-CN.json';
import partneringOrgZhTW from './locales/partneringOrg/zh-TW.json';
import matchingEn from './locales/matching/en.json';
import matchingZhCN from './locales/matching/zh-CN.json';
import matchingZhTW from './locales/matching/zh-TW.json';
import briefsEn from './locales/briefs/en.json';
import briefsZhCN from './locales/briefs/zh-CN.json';
import briefsZhTW from './locales/briefs/zh-TW.json';
import challengesEn from './locales/challenges/en.json';
import challengesZhCN from './locales/challenges/zh-CN.json';
import challengesZhTW from './locales/challenges/zh-TW.json';
import thesaurusEn from './locales/thesaurus/en.json';
import thesaurusZhCN from './locales/thesaurus/zh-CN.json';
import thesaurusZhTW from './locales/thesaurus/zh-TW.json';

type Tree = { [key: string]: string | Tree };
/**
 * Sections every area adds to, merged key by key at any depth: error messages, field messages and
 * the audit log's words for the area's actions, entities and fields. A key defined twice is a bug.
 */
const SHARED_SECTIONS = ['errors', 'fieldErrors', 'audit'];

function deepMerge(base: Tree, extra: Tree, path: string): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (typeof existing === 'object' && typeof value === 'object') out[key] = deepMerge(existing, value, `${path}.${key}`);
    else if (existing !== value) throw new Error(`locale key "${path}.${key}" is defined twice`);
  }
  return out;
}

function merge(base: Tree, areas: Tree[]): Tree {
  let out: Tree = { ...base };
  for (const area of areas) {
    for (const [key, value] of Object.entries(area)) {
      if (SHARED_SECTIONS.includes(key) && typeof value === 'object') {
        out = { ...out, [key]: deepMerge((out[key] as Tree | undefined) ?? {}, value, key) };
      } else {
        if (key in out) throw new Error(`locale section "${key}" is defined twice`);
        out[key] = value;
      }
    }
  }
  return out;
}

export const CATALOGUES = {
  'zh-CN': merge(zhCN, [directoryZhCN, searchZhCN, transferZhCN, lifecycleZhCN, pipelinesZhCN, referralsZhCN, landingZhCN, agreementsZhCN, eventsZhCN, registrationsZhCN, eventDoorZhCN, applicationsZhCN, judgingZhCN, eventOutcomesZhCN, messagesZhCN, partneringZhCN, partneringOrgZhCN, matchingZhCN, briefsZhCN, challengesZhCN, thesaurusZhCN]) as typeof zhCN & Tree,
  'zh-TW': merge(zhTW, [directoryZhTW, searchZhTW, transferZhTW, lifecycleZhTW, pipelinesZhTW, referralsZhTW, landingZhTW, agreementsZhTW, eventsZhTW, registrationsZhTW, eventDoorZhTW, applicationsZhTW, judgingZhTW, eventOutcomesZhTW, messagesZhTW, partneringZhTW, partneringOrgZhTW, matchingZhTW, briefsZhTW, challengesZhTW, thesaurusZhTW]) as typeof zhTW & Tree,
  en: merge(en, [directoryEn, searchEn, transferEn, lifecycleEn, pipelinesEn, referralsEn, landingEn, agreementsEn, eventsEn, registrationsEn, eventDoorEn, applicationsEn, judgingEn, eventOutcomesEn, messagesEn, partneringEn, partneringOrgEn, matchingEn, briefsEn, challengesEn, thesaurusEn]) as typeof en & Tree,
};
