/**
 * Builders of one generated record each, from its own random stream. Pure: no database, no
 * shared state; the caller gives the ids it may link to.
 */
import type { OrganisationKind } from '../../src/domain/directory';
import { nameKey } from '../../src/domain/text/fold';
import { creditCode, type CodePrefix } from './credit-codes';
import { ENGLISH_ONLY, ENGLISH_SUFFIX, ENTERPRISE_WORDS, GIVEN, INVESTOR_WORDS, LEGAL_FORMS, SERVICE_WORDS, STEMS, SURNAMES } from './names';
import { PLACES, STREETS, THESIS_REGIONS, type Place } from './places';
import type { Rng } from './random';
import type { OrganisationRow, PersonRow, ProjectRow } from './rows';
import { REGULATORY_STATUS, roundFor, SCIENCE, SEGMENT_NAMES, STAGES, type Pair } from './science';
import { ENTERPRISE_TAIL, FOCUS, INVESTOR_TEXT, SERVICE_TEXT } from './text';

const WAN = 1_000_000; // fen in one 万元

export const KIND_WEIGHTS: Partial<Record<OrganisationKind, number>> = {
  enterprise: 700,
  investor: 90,
  service_provider: 90,
  research_institute: 30,
  hospital: 30,
  university: 10,
  guidance_fund: 15,
  state_financing: 10,
  park_operator: 5,
  association: 5,
};

const PLACE_WEIGHTS = Object.fromEntries(PLACES.map((p, i) => [String(i), p.weight])) as Record<string, number>;

export function pickPlace(rng: Rng): Place {
  return PLACES[Number(rng.weighted(PLACE_WEIGHTS))]!;
}

/**
 * Pairs of stems that spell the trade names of well-known companies (恒瑞, 复星, 信达 …) or
 * ordinary words: never generated, so no invented record borrows a famous name.
 */
const TAKEN = new Set(['恒瑞', '复星', '信达', '百济', '迈瑞', '启明', '华润', '康泰', '恒康', '博瑞', '诺华', '安科', '华海', '海正', '嘉和', '瑞康', '明德', '达安', '英科', '普华', '健康', '华泰', '华安', '安泰', '科华', '润达', '康德', '天和', '和信', '元和', '华大', '先声', '正大', '天士', '康弘', '君联', '德源', '华信', '科达', '英诺', '思瑞', '安达', '博达', '泰和', '百和', '益源', '康华', '华康', '天康', '盛和', '和达', '启德', '德和', '明和', '安和', '泰康', '济川', '先健', '华联', '华瑞', '安诺', '华恒', '和元', '思科', '景峰', '润和', '凯普', '惠泰', '明峰', '迈普', '赛诺', '康辰', '百泰', '星昊', '科瑞', '博泰', '诺泰', '华诺', '瑞科', '天瑞', '康瑞', '普瑞', '凯瑞', '嘉泰', '康辉', '海和', '德康', '安必', '思路', '元达', '益诺', '百诺']);

function stems(rng: Rng): { zh: string; en: string } {
  for (;;) {
    const a = rng.pick(STEMS);
    const b = rng.pick(STEMS);
    if (b[0] !== a[0] && !TAKEN.has(a[0] + b[0])) return { zh: a[0] + b[0], en: a[1] + b[1].toLowerCase() };
  }
}

function foundedOn(rng: Rng, fromYear: number, toYear: number): string {
  // Later years weigh more: most biotech companies are young.
  const span = toYear - fromYear;
  const year = toYear - Math.floor(span * rng.float() ** 1.6);
  return `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

const PREFIX_OF: Partial<Record<OrganisationKind, CodePrefix>> = {
  university: '12',
  research_institute: '12',
  hospital: '12',
  government_agency: '11',
  association: '51',
};

export interface OrganisationOptions {
  /** Record number: makes the credit code (unique per number). */
  number: number;
  communityId: string | null;
  kind?: OrganisationKind;
  /** Segments to draw from (a community's focus); all segments when absent. */
  segments?: readonly string[];
  place?: Place;
  series?: 'generated' | 'demo';
  /** Whether a few companies may be known by an English name only (default true). */
  englishOnly?: boolean;
}

export interface GeneratedOrganisation {
  row: OrganisationRow;
  /** First segment, for projects and people that follow. */
  segment: string;
}

const ALL_SEGMENTS = Object.keys(SCIENCE);

export function makeOrganisation(rng: Rng, options: OrganisationOptions): GeneratedOrganisation {
  const kind = options.kind ?? rng.weighted(KIND_WEIGHTS as Record<OrganisationKind, number>);
  const place = options.place ?? pickPlace(rng);
  const [district, divisionCode] = rng.pick(place.districts);
  const s = stems(rng);
  const pool = options.segments?.length ? options.segments : ALL_SEGMENTS;
  const row: OrganisationRow = {
    id: rng.uuid(),
    kind,
    name_zh: '',
    name_en: null,
    short_name_zh: null,
    short_name_en: null,
    name_key: '',
    credit_code: null,
    founded_on: null,
    province: place.province,
    city: place.city,
    district,
    address: `${place.city === place.province ? '' : place.city}${district}${rng.pick(STREETS)}${rng.int(1, 999)}号`,
    website: null,
    segments: [],
    headcount_band: null,
    listing_status: 'unlisted',
    stock_code: null,
    qualifications: [],
    description_zh: '',
    description_en: '',
    investor_type: null,
    thesis_segments: [],
    thesis_stages: [],
    thesis_regions: [],
    ticket_min_fen: null,
    ticket_max_fen: null,
    aum_fen: null,
    services: [],
    steward_community_id: options.communityId,
  };
  let segment = rng.pick(pool);

  if (kind === 'enterprise') {
    const fitting = ENTERPRISE_WORDS.filter((w) => w.segments.some((x) => pool.includes(x)));
    const word = rng.pick(fitting.length ? fitting : ENTERPRISE_WORDS);
    segment = word.segments.find((x) => pool.includes(x)) ?? word.segments[0]!;
    const [legalZh, legalEn] = rng.weighted({ a: LEGAL_FORMS[0]![2], b: LEGAL_FORMS[1]![2] }) === 'a' ? LEGAL_FORMS[0]! : LEGAL_FORMS[1]!;
    const style = rng.float();
    if (style < 0.03 && options.englishOnly !== false) {
      // A foreign-invested company known by its English name only.
      const name = `${rng.pick(ENGLISH_ONLY)} ${ENGLISH_SUFFIX[segment] ?? word.en}`;
      row.name_zh = name;
      row.name_en = `${name} (${place.prefixEn}) Co., Ltd.`;
      row.short_name_en = name;
    } else if (style < 0.18) {
      row.name_zh = `${s.zh}${word.zh}(${place.prefix})${legalZh}`;
      row.name_en = `${s.en} ${word.en} (${place.prefixEn}) ${legalEn}`;
    } else {
      row.name_zh = `${place.prefix}${s.zh}${word.zh}${legalZh}`;
      row.name_en = `${place.prefixEn} ${s.en} ${word.en} ${legalEn}`;
    }
    if (!row.short_name_en) {
      row.short_name_zh = s.zh + (word.zh.length <= 3 ? word.zh : word.zh.slice(0, 2));
      row.short_name_en = `${s.en} ${word.en.split(' ')[0]}`;
    }
    row.founded_on = foundedOn(rng, 1998, 2025);
    const age = 2026 - Number(row.founded_on.slice(0, 4));
    // A second segment only where the business spans two (干细胞: cell therapy and regenerative medicine).
    row.segments = word.segments.filter((x) => x === segment || (pool.includes(x) && rng.chance(0.5)));
    row.headcount_band = age < 3 ? rng.pick(['1-9', '10-49']) : age < 8 ? rng.pick(['10-49', '50-99', '100-499']) : rng.pick(['50-99', '100-499', '500-999', '1000+']);
    if (age > 8 && rng.chance(0.06)) {
      row.listing_status = 'listed';
      // 689xxx: a range of the STAR market no real company uses for its A shares.
      row.stock_code = `689${String(rng.int(100, 999))}`;
    }
    const q: string[] = [];
    if (age >= 2 && rng.chance(0.45)) q.push('high_tech');
    if (rng.chance(0.35)) q.push('tech_sme');
    if (age >= 3 && rng.chance(0.18)) q.push(rng.chance(0.25) ? 'little_giant' : 'srdi_sme');
    if (age >= 4 && rng.chance(0.05)) q.push('gazelle');
    const track = SCIENCE[segment]?.track;
    if (track === 'drug' && age >= 6 && rng.chance(0.3)) q.push('gmp');
    if (track !== 'drug' && age >= 3 && rng.chance(0.4)) q.push('iso13485');
    row.qualifications = q;
    const focus = rng.sample(FOCUS[segment] ?? FOCUS.innovative_drug!, 2);
    const tail = rng.pick(ENTERPRISE_TAIL);
    const segName = SEGMENT_NAMES[segment]!;
    const shortZh = row.short_name_zh ?? row.name_zh;
    row.description_zh = `${shortZh}成立于${row.founded_on.slice(0, 4)}年,位于${place.city === place.province ? place.city : place.province + place.city}${district},是一家${segName[0]}企业,${focus.map((f) => f[0]).join(',')}。${tail[0]}。`;
    row.description_en = `Founded in ${row.founded_on.slice(0, 4)} in ${place.prefixEn}, ${row.short_name_en ?? row.name_en} is a ${segName[1]} company that ${focus.map((f) => f[1]).join(' and ')}. ${tail[1]}.`;
  } else if (kind === 'service_provider') {
    const word = rng.pick(SERVICE_WORDS);
    row.name_zh = `${place.prefix}${s.zh}${word.zh}有限公司`;
    row.name_en = `${place.prefixEn} ${s.en} ${word.en} Co., Ltd.`;
    row.short_name_zh = `${s.zh}${word.short}`;
    row.short_name_en = s.en;
    row.founded_on = foundedOn(rng, 2000, 2024);
    row.services = [...word.services, ...(rng.chance(0.3) ? [rng.pick(['regulatory', 'ip', 'finance', 'pilot_production'])] : [])].filter((v, i, a) => a.indexOf(v) === i);
    row.segments = rng.sample(pool, rng.int(1, 3));
    segment = row.segments[0]!;
    row.headcount_band = rng.pick(['10-49', '50-99', '100-499', '500-999']);
    if (rng.chance(0.4)) row.qualifications = ['high_tech'];
    if (row.services.includes('cdmo') || row.services.includes('cmo')) row.qualifications.push('gmp');
    const offered = row.services.map((x) => SERVICE_TEXT[x]!);
    row.description_zh = `${row.short_name_zh}是位于${place.prefix}的专业服务机构,为${row.segments.map((x) => SEGMENT_NAMES[x]![0]).join('、')}企业提供${offered.map((o) => o[0]).join(';')}。`;
    row.description_en = `${row.short_name_en} is a service provider in ${place.prefixEn} serving ${row.segments.map((x) => SEGMENT_NAMES[x]![1]).join(', ')} companies with ${offered.map((o) => o[1]).join('; ')}.`;
  } else if (kind === 'investor' || kind === 'guidance_fund' || kind === 'state_financing') {
    const type = kind === 'investor' ? rng.weighted({ vc: 50, pe: 25, cvc: 15, angel: 10 }) : kind;
    row.investor_type = type;
    if (kind === 'investor') {
      const word = rng.pick(INVESTOR_WORDS);
      row.name_zh = `${place.prefix}${s.zh}${word.zh}`;
      row.name_en = `${place.prefixEn} ${s.en} ${word.en}`;
      row.short_name_zh = `${s.zh}${type === 'angel' ? '天使' : '资本'}`;
      row.short_name_en = `${s.en} ${type === 'angel' ? 'Angels' : 'Capital'}`;
    } else if (kind === 'guidance_fund') {
      row.name_zh = `${place.prefix}${s.zh}生物医药产业投资基金(有限合伙)`;
      row.name_en = `${place.prefixEn} ${s.en} Biomedical Industry Guidance Fund LP`;
      row.short_name_zh = `${place.prefix}${s.zh}引导基金`;
    } else {
      row.name_zh = `${place.prefix}${s.zh}金融投资有限公司`;
      row.name_en = `${place.prefixEn} ${s.en} Financial Investment Co., Ltd.`;
      row.short_name_zh = `${s.zh}金投`;
    }
    row.founded_on = foundedOn(rng, 2005, 2024);
    row.thesis_segments = rng.sample(pool, rng.int(2, Math.min(4, pool.length)));
    segment = row.thesis_segments[0]!;
    const stages = STAGES.drug.map(([c]) => c);
    const early = type === 'angel' || type === 'vc' || type === 'guidance_fund';
    const from = early ? rng.int(0, 2) : rng.int(2, 4);
    row.thesis_stages = stages.slice(from, from + rng.int(2, 4));
    row.thesis_regions = rng.sample(THESIS_REGIONS, rng.int(1, 2));
    const [minWan, maxWan] = type === 'angel' ? [100, 1000] : type === 'vc' ? [1000, 10000] : type === 'pe' ? [5000, 50000] : type === 'cvc' ? [2000, 30000] : [2000, 20000];
    row.ticket_min_fen = rng.int(minWan / 100, minWan / 50) * 100 * WAN;
    row.ticket_max_fen = Math.max(row.ticket_min_fen, rng.int(maxWan / 200, maxWan / 100) * 100 * WAN);
    row.aum_fen = rng.int(5, 300) * 10_000 * WAN; // 5 亿 – 300 亿
    row.headcount_band = rng.pick(['10-49', '50-99']);
    const text = INVESTOR_TEXT[type]!;
    const segs = row.thesis_segments.map((x) => SEGMENT_NAMES[x]!);
    row.description_zh = `${row.short_name_zh ?? row.name_zh}是${text[0]},重点关注${segs.map((x) => x[0]).join('、')}等领域,单笔投资${row.ticket_min_fen / WAN}万至${row.ticket_max_fen / WAN}万元。`;
    row.description_en = `${row.short_name_en ?? row.name_en} is ${text[1]}, focused on ${segs.map((x) => x[1]).join(', ')}, with tickets of CNY ${(row.ticket_min_fen / 100).toLocaleString('en')} to ${(row.ticket_max_fen / 100).toLocaleString('en')}.`;
  } else {
    const names: Record<string, Pair> = {
      research_institute: [`${place.prefix}${s.zh}生物医药研究院`, `${place.prefixEn} ${s.en} Institute of Biomedicine`],
      hospital: [`${place.prefix}${s.zh}医院`, `${place.prefixEn} ${s.en} Hospital`],
      university: [`${place.prefix}${s.zh}医学院`, `${place.prefixEn} ${s.en} Medical College`],
      park_operator: [`${place.prefix}${s.zh}生命科技园发展有限公司`, `${place.prefixEn} ${s.en} Life Science Park Development Co., Ltd.`],
      association: [`${place.prefix}生物医药${s.zh}创新促进会`, `${place.prefixEn} ${s.en} Biomedical Innovation Association`],
      government_agency: [`${place.prefix}${district}${s.zh}科技创新服务中心`, `${place.prefixEn} ${s.en} Technology Innovation Service Centre`],
    };
    const [zh, en] = names[kind] ?? names.research_institute!;
    row.name_zh = zh;
    row.name_en = en;
    row.founded_on = foundedOn(rng, 1950, 2022);
    row.segments = rng.sample(pool, rng.int(1, 3));
    segment = row.segments[0]!;
    row.headcount_band = rng.pick(['100-499', '500-999', '1000+']);
    const fields = row.segments.map((x) => SEGMENT_NAMES[x]!);
    const what: Record<string, Pair> = {
      research_institute: ['从事转化医学研究,设有成果转化办公室,遴选和孵化转化项目', 'conducts translational research and runs a technology-transfer office that selects and incubates projects'],
      hospital: ['开展药物和医疗器械临床试验,是国家药物临床试验机构', 'runs clinical trials of drugs and devices as an accredited clinical trial site'],
      university: ['设有技术转移中心,推动科研成果转化', 'has a technology-transfer centre that commercialises research results'],
      park_operator: ['负责园区载体建设、招商和入园服务', 'builds and operates park facilities, attracts companies and provides entry services'],
      association: ['搭建企业、投资机构和科研院所之间的交流平台', 'connects companies, investors and research institutes'],
      government_agency: ['为企业提供政策咨询、政策兑现和项目申报服务', 'offers policy advice, policy redemption and grant applications to companies'],
    };
    const [wz, we] = what[kind] ?? what.research_institute!;
    row.description_zh = `${zh}${wz},重点领域包括${fields.map((f) => f[0]).join('、')}。`;
    row.description_en = `${en} ${we}; its fields include ${fields.map((f) => f[1]).join(', ')}.`;
  }

  const prefix = PREFIX_OF[kind] ?? '91';
  row.credit_code = creditCode(prefix, divisionCode, options.number, options.series);
  row.name_key = nameKey(row.name_zh);
  return { row, segment };
}

export interface ProjectOptions {
  ownerId: string | null;
  /** The owner's segment: the project's segment, mostly. */
  segment: string;
  communityId: string;
  /** Investing organisations that may be named on a named_investors project. */
  investors: readonly string[];
  /** Confidentiality weights; the generator's default mix when absent. */
  confidentiality?: Readonly<Record<'public' | 'community' | 'named_investors', number>>;
}

const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTXYZ';

export function makeProject(rng: Rng, options: ProjectOptions): { row: ProjectRow; namedInvestors: string[] } {
  const segment = SCIENCE[options.segment] ? options.segment : 'innovative_drug';
  const sci = SCIENCE[segment]!;
  const product = rng.pick(sci.products);
  const modality = product.modality;
  const indications = rng.sample(product.indications, rng.chance(0.3) ? 2 : 1);
  const stages = STAGES[sci.track];
  const stage = rng.weighted(Object.fromEntries(stages) as Record<string, number>);
  const position = stages.findIndex(([c]) => c === stage);
  // A development code (YM-101), as companies name their candidates and device models.
  const code = `${rng.pick([...CODE_LETTERS])}${rng.pick([...CODE_LETTERS])}-${rng.int(101, 999)}`;
  const nameZh = `${code} ${product.zh}`;
  const nameEn = `${code}, ${product.en}`;
  const [round, minWan, maxWan] = rng.pick(roundFor(position, stages.length));
  // Devices and diagnostics raise less than drugs at the same point of their path.
  const scale = sci.track === 'drug' ? 1 : 0.4;
  const raw = rng.int(minWan, maxWan) * scale;
  const step = raw >= 10000 ? 1000 : raw >= 1000 ? 100 : 50;
  const fundingWan = Math.max(step, Math.round(raw / step) * step);
  const reg = REGULATORY_STATUS[stage] ?? null;
  const patents = Array.from({ length: rng.int(0, 3) }, () => {
    const year = rng.int(2016, 2025);
    const digits = `${year}${rng.pick(['1', '2'])}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    return { number: `CN${digits}.${rng.int(0, 9)}`, title: `一种${product.zh.replace(/^注射用/, '')}及其${rng.pick(['制备方法', '应用', '制备方法和应用'])}`, status: rng.pick(['granted', 'pending', 'pct']) };
  });
  const team = Array.from({ length: rng.int(2, 4) }, (_, i) => {
    const person = personName(rng);
    return { name: person.zh, role: ['首席执行官', '首席科学家', '首席医学官', '研发总监', '注册总监'][i]! };
  });
  const weights = options.confidentiality ?? { public: 35, community: 55, named_investors: 10 };
  let confidentiality = rng.weighted(weights);
  const named = confidentiality === 'named_investors' ? rng.sample(options.investors, rng.int(1, 3)) : [];
  if (confidentiality === 'named_investors' && named.length === 0) confidentiality = 'community';
  const ind = indications.map((x) => x[0]).join('、');
  const indEn = indications.map((x) => x[1]).join(' and ');
  const stageName = STAGE_NAMES[stage]!;
  const row: ProjectRow = {
    id: rng.uuid(),
    name_zh: nameZh,
    name_en: nameEn,
    owner_organisation_id: options.ownerId,
    community_id: options.communityId,
    segment,
    modality: modality[0],
    indications: indications.map((x) => x[0]),
    track: sci.track,
    stage,
    regulatory_status: reg?.[0] ?? null,
    patents,
    team,
    funding_sought_fen: fundingWan * WAN,
    funding_round: round,
    confidentiality,
    summary_zh: `${nameZh}是针对${ind}的${modality[0]}${sci.track === 'drug' ? '候选药物' : sci.track === 'ivd' ? '检测产品' : '产品'},目前处于${stageName[0]}阶段${reg ? `(${reg[0]})` : ''}。本轮拟融资${fundingWan >= 10000 ? `${fundingWan / 10000}亿` : `${fundingWan}万`}元,用于${position < 2 ? '完成临床前研究和IND申报' : position < 5 ? '推进临床研究和注册申报' : '扩大产能和市场推广'}。`,
    summary_en: `${nameEn} is ${article(modality[1])} ${modality[1]} ${sci.track === 'drug' ? 'candidate' : 'product'} for ${indEn}, now at the ${stageName[1].toLowerCase()} stage${reg ? ` (${reg[1]})` : ''}. The company is raising CNY ${(fundingWan * 10000).toLocaleString('en')} to ${position < 2 ? 'complete preclinical work and file the IND' : position < 5 ? 'advance clinical development and registration' : 'expand production and sales'}.`,
  };
  return { row, namedInvestors: named };
}

const article = (word: string) => (/^[aeiouAEIO]|^(ADC|AAV|mRNA|NGS|OCT|iPSC|RSV|MSC)\b/.test(word) ? 'an' : 'a');

export const STAGE_NAMES: Record<string, Pair> = {
  research: ['基础研发', 'Research'], preclinical: ['临床前', 'Preclinical'], phase_1: ['临床I期', 'Phase I'], phase_2: ['临床II期', 'Phase II'],
  phase_3: ['临床III期', 'Phase III'], review: ['审评审批', 'Regulatory review'], production: ['中试及生产', 'Pilot and production'],
  commercial: ['销售流通', 'Commercial'], listed: ['企业上市', 'Listed'],
  device_design: ['产品设计', 'Design'], device_testing: ['型式检验', 'Type testing'], device_clinical: ['临床评价', 'Clinical evaluation'],
  device_registration: ['注册审批', 'Registration review'], device_production: ['生产许可', 'Production licence'], device_commercial: ['销售流通', 'Commercial'], device_listed: ['企业上市', 'Listed'],
  ivd_development: ['试剂研发', 'Assay development'], ivd_validation: ['性能验证', 'Analytical validation'], ivd_clinical: ['临床试验', 'Clinical trial'],
  ivd_registration: ['注册审批', 'Registration review'], ivd_production: ['生产', 'Production'], ivd_commercial: ['销售流通', 'Commercial'], ivd_listed: ['企业上市', 'Listed'],
};

export function personName(rng: Rng): { zh: string; en: string; pinyin: string } {
  const [sz, sp] = rng.pick(SURNAMES);
  const g1 = rng.pick(GIVEN);
  const two = rng.chance(0.7);
  const g2 = two ? rng.pick(GIVEN) : null;
  const given = g2 ? g1[1] + g2[1] : g1[1];
  const givenCap = given[0]!.toUpperCase() + given.slice(1);
  return { zh: sz + g1[0] + (g2?.[0] ?? ''), en: `${givenCap} ${sp}`, pinyin: `${given}.${sp.toLowerCase()}` };
}

/** Roles people hold, by the kind of organisation. */
export const ROLES: Partial<Record<OrganisationKind, readonly Pair[]>> & { default: readonly Pair[] } = {
  enterprise: [['创始人兼首席执行官', 'Founder and CEO'], ['首席科学家', 'Chief Scientific Officer'], ['首席医学官', 'Chief Medical Officer'], ['研发总监', 'Head of R&D'], ['业务拓展总监', 'Head of Business Development'], ['注册事务经理', 'Regulatory Affairs Manager'], ['董事长', 'Chairman']],
  investor: [['合伙人', 'Partner'], ['投资总监', 'Investment Director'], ['投资经理', 'Investment Manager'], ['董事总经理', 'Managing Director']],
  guidance_fund: [['基金总经理', 'Fund General Manager'], ['投资总监', 'Investment Director']],
  state_financing: [['总经理助理', 'Assistant General Manager'], ['投资部经理', 'Head of Investment']],
  university: [['教授', 'Professor'], ['技术转移中心主任', 'Director, Technology Transfer Centre'], ['研究员', 'Research Fellow']],
  research_institute: [['研究员', 'Research Fellow'], ['成果转化部主任', 'Head of Technology Transfer'], ['课题组长', 'Principal Investigator']],
  hospital: [['主任医师', 'Chief Physician'], ['药物临床试验机构办公室主任', 'Director, Clinical Trial Office'], ['主要研究者', 'Principal Investigator']],
  service_provider: [['业务拓展总监', 'Business Development Director'], ['项目经理', 'Project Manager'], ['总经理', 'General Manager']],
  default: [['主任', 'Director'], ['秘书长', 'Secretary General'], ['项目经理', 'Project Manager']],
};

export interface PersonOptions {
  orgKind: OrganisationKind;
  orgNameZh?: string;
  communityId: string | null;
  /** Local part number: keeps e-mail addresses unique. */
  number: number;
  /** A reserved example domain; the demo and the generator use different ones, so their addresses never meet. */
  emailDomain?: 'example.com' | 'example.org';
}

export function makePerson(rng: Rng, options: PersonOptions): { row: PersonRow; role: Pair } {
  const name = personName(rng);
  const role = rng.pick(ROLES[options.orgKind] ?? ROLES.default);
  const consent = rng.chance(0.6);
  const consentDate = new Date(Date.UTC(2023, 0, 1) + rng.int(0, 1000) * 86_400_000 + rng.int(8, 18) * 3_600_000);
  const row: PersonRow = {
    id: rng.uuid(),
    name_zh: name.zh,
    name_en: name.en,
    title: role[0],
    // Reserved example domains (RFC 2606): no generated address reaches a real mailbox.
    email: `${name.pinyin}${options.number}@${options.emailDomain ?? 'example.com'}`,
    // One narrow block of numbers (139 0000 xxxx) rather than numbers spread over real subscribers' ranges.
    phone: rng.chance(0.4) ? `1390000${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
    wechat_id: rng.chance(0.3) ? `${name.pinyin.replace('.', '_')}_${rng.int(10, 9999)}` : null,
    consent_to_contact: consent,
    consent_at: consent ? consentDate.toISOString() : null,
    consent_source: consent ? rng.pick(['registration_form', 'signed_paper', 'email']) : null,
    bio_zh: options.orgNameZh ? `现任${options.orgNameZh}${role[0]}。` : '',
    bio_en: options.orgNameZh ? `${role[1]}.` : '',
    user_id: null,
    steward_community_id: options.communityId,
  };
  return { row, role };
}
