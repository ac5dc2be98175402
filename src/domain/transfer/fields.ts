import type { EntityType } from '../directory';
import type { Locale } from '../locales';
import { normaliseHeader, type MoneyUnit } from './headers';
import {
  BOOLEAN_LABELS,
  CONFIDENTIALITY_LABELS,
  HEADCOUNT_LABELS,
  INVESTOR_TYPE_LABELS,
  KIND_LABELS,
  LISTING_LABELS,
  ROUND_LABELS,
  TRACK_LABELS,
  type Vocabulary,
} from './vocabulary';

/**
 * The columns an import reads and an export writes, per record type. Each field names the
 * headers it recognises (the first Chinese and the first English one are what an export
 * writes), and how its cells are read.
 */
export type FieldType =
  | { kind: 'text'; max: number }
  | { kind: 'date' }
  | { kind: 'money'; unitZh: MoneyUnit; unitEn: MoneyUnit }
  | { kind: 'terms'; taxonomy: 'segment' | 'qualification' | 'service' }
  | { kind: 'term'; taxonomy: 'segment' | 'stage' }
  | { kind: 'vocabulary'; vocabulary: Vocabulary }
  | { kind: 'list'; max: number }
  | { kind: 'organisation' };

export interface FieldDef {
  name: string;
  required: boolean;
  type: FieldType;
  headers: { zh: string[]; en: string[] };
}

const text = (max: number): FieldType => ({ kind: 'text', max });
const vocab = (vocabulary: Vocabulary): FieldType => ({ kind: 'vocabulary', vocabulary });
const f = (name: string, type: FieldType, zh: string[], en: string[], required = false): FieldDef => ({ name, required, type, headers: { zh, en } });

const ORGANISATION: FieldDef[] = [
  f('nameZh', text(200), ['企业名称', '单位名称', '机构名称', '名称', '公司名称', '组织名称', '中文名称', '企业全称'], ['Name', 'Organisation name', 'Organization name', 'Company name', 'Name (Chinese)'], true),
  f('nameEn', text(300), ['英文名称', '英文名', '企业英文名称'], ['English name', 'Name (English)']),
  f('shortNameZh', text(60), ['简称', '企业简称', '机构简称'], ['Short name']),
  f('shortNameEn', text(120), ['英文简称'], ['Short name (English)']),
  f('kind', vocab(KIND_LABELS), ['机构类型', '企业类型', '单位类型', '类型'], ['Kind', 'Type', 'Organisation type', 'Organization type']),
  f('creditCode', text(40), ['统一社会信用代码', '信用代码', '社会信用代码', '统一信用代码', '统一代码'], ['Unified social credit code', 'Credit code', 'USCC']),
  f('foundedOn', { kind: 'date' }, ['成立日期', '成立时间', '注册日期', '注册时间', '创立日期'], ['Founded on', 'Founded', 'Date founded', 'Founding date', 'Incorporation date', 'Established']),
  f('province', text(40), ['省份', '所在省', '省', '所在省份', '所属省份', '所属省'], ['Province', 'State']),
  f('city', text(40), ['城市', '所在市', '市', '所在城市', '所属城市', '所属市'], ['City']),
  f('district', text(40), ['区县', '所在区县', '区', '县', '所属区县'], ['District', 'County']),
  f('address', text(300), ['地址', '注册地址', '办公地址', '通讯地址', '企业地址', '详细地址'], ['Address', 'Registered address']),
  f('website', text(300), ['官网', '网址', '网站', '企业官网', '官方网站'], ['Website', 'Web site', 'URL', 'Homepage']),
  f('segments', { kind: 'terms', taxonomy: 'segment' }, ['所属行业', '行业', '细分领域', '领域', '行业领域', '产业领域', '所属领域'], ['Segments', 'Segment', 'Industry', 'Sector', 'Field']),
  f('headcountBand', vocab(HEADCOUNT_LABELS), ['人员规模', '员工人数', '员工规模', '人数', '参保人数'], ['Headcount', 'Employees', 'Staff size', 'Company size']),
  f('listingStatus', vocab(LISTING_LABELS), ['上市状态', '是否上市'], ['Listing status', 'Listed']),
  f('stockCode', text(20), ['股票代码', '证券代码'], ['Stock code', 'Ticker']),
  f('qualifications', { kind: 'terms', taxonomy: 'qualification' }, ['资质', '企业资质', '资质荣誉', '企业资格', '资质认定'], ['Qualifications', 'Certifications']),
  f('services', { kind: 'terms', taxonomy: 'service' }, ['服务内容', '服务类型', '服务项目', '服务范围'], ['Services', 'Services offered']),
  f('investorType', vocab(INVESTOR_TYPE_LABELS), ['投资机构类型', '投资类型'], ['Investor type']),
  f('aumFen', { kind: 'money', unitZh: 'wan', unitEn: 'yuan' }, ['管理规模(万元)', '管理规模', '资产管理规模', '基金规模'], ['AUM (CNY)', 'AUM', 'Assets under management']),
  f('descriptionZh', text(8000), ['简介', '企业简介', '机构简介', '公司简介', '中文简介', '企业介绍'], ['Description', 'Description (Chinese)', 'Profile', 'About']),
  f('descriptionEn', text(16000), ['英文简介'], ['Description (English)', 'English description']),
];

const PERSON: FieldDef[] = [
  f('nameZh', text(60), ['姓名', '联系人', '联系人姓名', '人员姓名', '名称', '中文姓名'], ['Name', 'Full name', 'Contact', 'Contact name', 'Name (Chinese)'], true),
  f('nameEn', text(120), ['英文名', '英文姓名', '英文名称'], ['English name', 'Name (English)']),
  f('title', text(120), ['职务', '职位', '头衔', '岗位'], ['Title', 'Position', 'Job title']),
  f('organisation', { kind: 'organisation' }, ['所属企业', '工作单位', '所属机构', '所在单位', '单位', '公司', '企业名称', '单位名称', '机构名称'], ['Organisation', 'Organization', 'Company', 'Employer', 'Affiliation']),
  f('email', text(254), ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址'], ['Email', 'E-mail', 'Email address']),
  f('phone', text(40), ['手机', '手机号', '联系电话', '电话', '手机号码', '联系方式'], ['Phone', 'Mobile', 'Telephone', 'Phone number']),
  f('wechatId', text(60), ['微信', '微信号'], ['WeChat', 'WeChat ID']),
  f('consentToContact', vocab(BOOLEAN_LABELS), ['同意联系', '是否同意联系'], ['Consent to contact', 'Consent']),
  f('bioZh', text(4000), ['简介', '个人简介', '中文简介'], ['Bio', 'Biography', 'Bio (Chinese)']),
  f('bioEn', text(8000), ['英文简介'], ['Bio (English)']),
];

const PROJECT: FieldDef[] = [
  f('nameZh', text(200), ['项目名称', '名称', '产品名称', '项目'], ['Project name', 'Name', 'Project', 'Name (Chinese)'], true),
  f('nameEn', text(300), ['英文名称', '项目英文名称'], ['English name', 'Name (English)']),
  f('owner', { kind: 'organisation' }, ['所属企业', '申报单位', '承担单位', '依托单位', '企业名称', '单位名称', '所属机构', '机构名称'], ['Owner', 'Owner organisation', 'Organisation', 'Organization', 'Company']),
  f('segment', { kind: 'term', taxonomy: 'segment' }, ['所属行业', '细分领域', '行业', '领域', '技术领域', '所属领域'], ['Segment', 'Industry', 'Sector', 'Field'], true),
  f('track', vocab(TRACK_LABELS), ['产品类别', '赛道', '研发类别', '产品类型'], ['Track', 'Product type']),
  f('stage', { kind: 'term', taxonomy: 'stage' }, ['所属阶段', '研发阶段', '阶段', '项目阶段', '当前阶段'], ['Stage', 'Development stage'], true),
  f('modality', text(120), ['技术类型', '药物类型', '技术路线', '产品形态'], ['Modality', 'Technology']),
  f('indications', { kind: 'list', max: 120 }, ['适应症', '适应证', '治疗领域'], ['Indications', 'Indication']),
  f('regulatoryStatus', text(300), ['注册状态', '监管状态', '审批状态'], ['Regulatory status']),
  f('fundingSoughtFen', { kind: 'money', unitZh: 'wan', unitEn: 'yuan' }, ['融资需求(万元)', '融资需求', '融资金额', '拟融资金额'], ['Funding sought (CNY)', 'Funding sought', 'Funding need', 'Amount sought']),
  f('fundingRound', vocab(ROUND_LABELS), ['融资轮次', '轮次', '融资阶段'], ['Funding round', 'Round']),
  f('confidentiality', vocab(CONFIDENTIALITY_LABELS), ['保密级别', '保密等级', '可见范围', '密级'], ['Confidentiality', 'Visibility']),
  f('summaryZh', text(8000), ['项目简介', '简介', '项目介绍', '中文简介'], ['Summary', 'Description', 'Summary (Chinese)']),
  f('summaryEn', text(16000), ['英文简介'], ['Summary (English)']),
];

export const IMPORT_FIELDS: Record<EntityType, FieldDef[]> = { organisation: ORGANISATION, person: PERSON, project: PROJECT };

export function fieldsOf(entityType: EntityType): FieldDef[] {
  return IMPORT_FIELDS[entityType];
}

/** The header an export writes for a field (Chinese unless the locale is English). */
export function exportHeader(field: FieldDef, locale: Locale): string {
  return locale === 'en' ? field.headers.en[0]! : field.headers.zh[0]!;
}

/** The money unit of a column: from its header when it says, else the field's default for the header's language. */
export function columnUnit(field: FieldDef, header: string): MoneyUnit {
  if (field.type.kind !== 'money') return 'yuan';
  const { unit } = normaliseHeader(header);
  if (unit) return unit;
  return /[\u3400-\u9fff]/u.test(header) ? field.type.unitZh : field.type.unitEn;
}

const headerIndexes = new Map<EntityType, Map<string, { field: string; rank: number }>>();

function headerIndex(entityType: EntityType) {
  let index = headerIndexes.get(entityType);
  if (!index) {
    index = new Map();
    for (const field of fieldsOf(entityType)) {
      [...field.headers.zh, ...field.headers.en].forEach((header, rank) => {
        const key = normaliseHeader(header).key;
        const known = index!.get(key);
        if (!known || known.rank > rank) index!.set(key, { field: field.name, rank });
      });
    }
    headerIndexes.set(entityType, index);
  }
  return index;
}

/** The field a header means, or null when it is not one we recognise. */
export function recogniseHeader(entityType: EntityType, header: string): string | null {
  return headerIndex(entityType).get(normaliseHeader(header).key)?.field ?? null;
}

/**
 * A first mapping for the wizard: each header to the field it names, each field taken at most
 * once (by its best-ranked header: 企业名称 beats 名称 when a file has both).
 */
export function suggestMapping(entityType: EntityType, headers: readonly string[]): Record<string, string | null> {
  const index = headerIndex(entityType);
  const best = new Map<string, { header: string; rank: number }>();
  for (const header of headers) {
    const hit = index.get(normaliseHeader(header).key);
    if (!hit) continue;
    const current = best.get(hit.field);
    if (!current || hit.rank < current.rank) best.set(hit.field, { header, rank: hit.rank });
  }
  const chosen = new Map([...best].map(([field, { header }]) => [header, field]));
  return Object.fromEntries(headers.map((h) => [h, chosen.get(h) ?? null]));
}
