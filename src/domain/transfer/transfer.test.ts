import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '../credit-code';
import { ENTITY_TYPES } from '../directory';
import { excelSerialToIso, parseDate } from './dates';
import { exportCells, exportColumns } from './export';
import { fieldsOf, recogniseHeader, suggestMapping } from './fields';
import { normaliseHeader } from './headers';
import { fenToUnit, parseMoneyFen } from './money';
import { readRow } from './rows';
import { TermIndex, type TermData } from './terms';
import { lookupHeadcount, lookupKind } from './vocabulary';

const TERMS: TermData[] = [
  { taxonomy: 'segment', code: 'innovative_drug', groupCode: null, nameZhHans: '创新药', nameZhHant: '創新藥', nameEn: 'Innovative drugs', aliases: ['化学药', '新药'] },
  { taxonomy: 'segment', code: 'medical_device', groupCode: null, nameZhHans: '医疗器械', nameZhHant: '醫療器械', nameEn: 'Medical devices', aliases: ['器械', '医疗设备'] },
  { taxonomy: 'segment', code: 'ivd', groupCode: null, nameZhHans: '体外诊断', nameZhHant: '體外診斷', nameEn: 'In vitro diagnostics (IVD)', aliases: ['IVD'] },
  { taxonomy: 'qualification', code: 'high_tech', groupCode: null, nameZhHans: '高新技术企业', nameZhHant: '高新技術企業', nameEn: 'High-tech enterprise', aliases: ['高企'] },
  { taxonomy: 'stage', code: 'preclinical', groupCode: 'drug', nameZhHans: '临床前', nameZhHant: '臨床前', nameEn: 'Preclinical', aliases: [] },
  { taxonomy: 'stage', code: 'commercial', groupCode: 'drug', nameZhHans: '销售流通', nameZhHant: '銷售流通', nameEn: 'Commercial', aliases: [] },
  { taxonomy: 'stage', code: 'device_commercial', groupCode: 'device', nameZhHans: '销售流通', nameZhHant: '銷售流通', nameEn: 'Commercial', aliases: [] },
  { taxonomy: 'stage', code: 'device_testing', groupCode: 'device', nameZhHans: '型式检验', nameZhHant: '型式檢驗', nameEn: 'Type testing', aliases: [] },
];
const terms = new TermIndex(TERMS);

function creditCode(first17: string) {
  return first17 + creditCodeCheckChar(first17)!;
}
const VALID_CODE = creditCode('91320000MA1MXXXX0'.replace(/X/g, '1'));

describe('headers', () => {
  it('normalises full-width text, spaces, stars, required markers and units', () => {
    expect(normaliseHeader('融资需求（万元）')).toEqual({ key: '融资需求', unit: 'wan' });
    expect(normaliseHeader(' *企业 名称 ')).toEqual({ key: '企业名称', unit: null });
    expect(normaliseHeader('企业名称(必填)')).toEqual({ key: '企业名称', unit: null });
    expect(normaliseHeader('融資需求(億元)').unit).toBe('yi');
    expect(normaliseHeader('Funding sought (CNY)')).toEqual({ key: 'fundingsought', unit: 'yuan' });
    expect(normaliseHeader('ＥＭＡＩＬ').key).toBe('email');
  });

  it('recognises the usual Chinese and English headers', () => {
    expect(recogniseHeader('organisation', '统一社会信用代码')).toBe('creditCode');
    expect(recogniseHeader('organisation', '社会信用代码')).toBe('creditCode');
    expect(recogniseHeader('organisation', '所属行业')).toBe('segments');
    expect(recogniseHeader('organisation', '成立時間')).toBe('foundedOn');
    expect(recogniseHeader('organisation', 'Credit code')).toBe('creditCode');
    expect(recogniseHeader('person', '手机号')).toBe('phone');
    expect(recogniseHeader('person', '工作单位')).toBe('organisation');
    expect(recogniseHeader('project', '融资需求（万元）')).toBe('fundingSoughtFen');
    expect(recogniseHeader('project', '研发阶段')).toBe('stage');
    expect(recogniseHeader('organisation', '备注')).toBeNull();
  });

  it('never lets two fields of one record type claim the same header', () => {
    for (const type of ENTITY_TYPES) {
      const owner = new Map<string, string>();
      for (const field of fieldsOf(type)) {
        for (const header of [...field.headers.zh, ...field.headers.en]) {
          const key = normaliseHeader(header).key;
          expect(owner.get(key) ?? field.name, `${type}: ${header}`).toBe(field.name);
          owner.set(key, field.name);
        }
      }
    }
  });

  it('suggests each field once, preferring its best header', () => {
    const mapping = suggestMapping('organisation', ['名称', '企业名称', '信用代码', '备注']);
    expect(mapping).toEqual({ 名称: null, 企业名称: 'nameZh', 信用代码: 'creditCode', 备注: null });
  });

  it('reads back every header an export writes, in every language', () => {
    for (const type of ENTITY_TYPES) {
      for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
        const columns = exportColumns(type, locale);
        const mapping = suggestMapping(type, columns.map((c) => c.header));
        expect(Object.values(mapping)).toEqual(columns.map((c) => c.field.name));
      }
    }
  });
});

describe('dates', () => {
  it.each([
    ['2019-03-05', '2019-03-05'],
    ['2019/3/5', '2019-03-05'],
    ['2019.3.5', '2019-03-05'],
    ['2019年3月5日', '2019-03-05'],
    ['2019年03月05号', '2019-03-05'],
    ['2019年3月', '2019-03-01'],
    ['2019-3', '2019-03-01'],
    ['2019', '2019-01-01'],
    ['20190305', '2019-03-05'],
    ['43529', '2019-03-05'],
    ['43529.75', '2019-03-05'],
    ['2019-03-05 10:30:00', '2019-03-05'],
    ['2019-03-05T00:00:00.000Z', '2019-03-05'],
    ['２０１９－０３－０５', '2019-03-05'],
  ])('reads %s', (input, expected) => expect(parseDate(input)).toBe(expected));

  it.each(['2019-02-30', '2019-13-01', '20191301', 'next year', '3/5/2019', '2019-03-05-01', '', '0'])('refuses %s', (input) => expect(parseDate(input)).toBeNull());

  it('reads every Excel serial back to the day it was written from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 73_000 }), (serial) => {
        const isoDate = excelSerialToIso(serial)!;
        const days = (Date.parse(`${isoDate}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
        expect(days).toBe(serial);
        expect(parseDate(isoDate.replace(/-/g, ''))).toBe(isoDate);
      }),
    );
  });
});

describe('money', () => {
  it.each([
    ['500', 'wan', 5_000_000_00],
    ['500万', 'yuan', 5_000_000_00],
    ['1.2亿元', 'wan', 120_000_000_00],
    ['¥3,000,000', 'yuan', 3_000_000_00],
    ['300', 'wan', 3_000_000_00],
    ['300 万元人民币', 'yuan', 3_000_000_00],
    ['CNY 5m', 'yuan', 5_000_000_00],
    ['12.34', 'yuan', 1234],
  ] as const)('reads %s in a %s column', (input, unit, fen) => expect(parseMoneyFen(input, unit)).toBe(fen));

  it.each(['', 'abc', '-5', '5-10万', '1e3'])('refuses %s', (input) => expect(parseMoneyFen(input, 'wan')).toBeNull());

  it('writes fen in 万元 and reads it back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (fen) => {
        expect(parseMoneyFen(String(fenToUnit(fen, 'wan')), 'wan')).toBe(fen);
      }),
    );
  });
});

describe('vocabularies', () => {
  it('reads kinds, including registry legal forms', () => {
    expect(lookupKind('投资机构')).toBe('investor');
    expect(lookupKind('有限责任公司(自然人投资或控股)')).toBe('enterprise');
    expect(lookupKind('Research institute')).toBe('research_institute');
    expect(lookupKind('火星人')).toBeNull();
  });
  it('reads headcounts as bands, numbers or ranges', () => {
    expect(lookupHeadcount('100-499人')).toBe('100-499');
    expect(lookupHeadcount('120')).toBe('100-499');
    expect(lookupHeadcount('1000人以上')).toBe('1000+');
    expect(lookupHeadcount('8人')).toBe('1-9');
    expect(lookupHeadcount('很多')).toBeNull();
  });
});

describe('rows', () => {
  const cells = (values: Record<string, string>) => ({ values, headers: Object.fromEntries(Object.keys(values).map((k) => [k, k])) });

  it('reads a good organisation row into the API input', () => {
    const row = readRow(
      'organisation',
      cells({ nameZh: ' 苏州某某生物科技有限公司 ', creditCode: VALID_CODE.toLowerCase(), foundedOn: '2019年3月5日', segments: '创新药、器械', website: 'www.example.cn', headcountBand: '120人', qualifications: '高企' }),
      terms,
    );
    expect(row.problems).toEqual([]);
    expect(row.input).toMatchObject({
      kind: 'enterprise',
      nameZh: '苏州某某生物科技有限公司',
      creditCode: VALID_CODE,
      foundedOn: '2019-03-05',
      segments: ['innovative_drug', 'medical_device'],
      website: 'http://www.example.cn',
      headcountBand: '100-499',
      qualifications: ['high_tech'],
    });
  });

  it('lists every problem of a bad row', () => {
    const bad = VALID_CODE.slice(0, 17) + (VALID_CODE[17] === '0' ? '1' : '0');
    const row = readRow('organisation', cells({ nameZh: '', creditCode: bad, foundedOn: '去年', segments: '创新药、火星科技', kind: '外星' }), terms);
    expect(row.problems.map((p) => p.code).sort()).toEqual(['credit_code_check_digit', 'date_unreadable', 'required', 'unknown_option', 'unknown_segment']);
    expect(row.problems.find((p) => p.code === 'unknown_segment')?.params?.value).toBe('火星科技');
  });

  it('checks people against the shared schema (e-mail, phone)', () => {
    const row = readRow('person', cells({ nameZh: '张三', email: 'not-an-email', phone: '12ab' }), terms);
    expect(row.problems.map((p) => p.code).sort()).toEqual(['email_invalid', 'phone_invalid']);
    const good = readRow('person', cells({ nameZh: '张三', email: ' Zhang@Example.CN ', phone: '(0512) 6688 1234', organisation: '某公司', consentToContact: '是' }), terms);
    expect(good.problems).toEqual([]);
    expect(good.input).toMatchObject({ email: 'zhang@example.cn', phone: '051266881234', consentToContact: true });
    expect(good.organisationRef).toBe('某公司');
  });

  it('finds a project stage within its track', () => {
    const device = readRow('project', cells({ nameZh: 'X', segment: '医疗器械', stage: '销售流通' }), terms);
    expect(device.input).toMatchObject({ segment: 'medical_device', track: 'device', stage: 'device_commercial' });
    const drug = readRow('project', { values: { nameZh: 'Y', segment: '创新药', stage: '销售流通', fundingSoughtFen: '500' }, headers: { fundingSoughtFen: '融资需求' } }, terms);
    expect(drug.input).toMatchObject({ track: 'drug', stage: 'commercial', fundingSoughtFen: 5_000_000_00 });
    const mismatch = readRow('project', cells({ nameZh: 'Z', segment: '创新药', track: '药品', stage: '型式检验' }), terms);
    expect(mismatch.problems.map((p) => p.code)).toEqual(['stage_other_track']);
    const unknown = readRow('project', cells({ nameZh: 'Z', segment: '火星', stage: '火星' }), terms);
    expect(unknown.problems.map((p) => p.code).sort()).toEqual(['unknown_segment', 'unknown_stage']);
  });

  it('reads back what the export writes', () => {
    const record = {
      nameZh: '无锡某某医疗器械有限公司',
      kind: 'investor',
      creditCode: VALID_CODE,
      foundedOn: '2015-07-01',
      segments: ['medical_device', 'ivd'],
      qualifications: ['high_tech'],
      headcountBand: '50-99',
      listingStatus: 'listed',
      aumFen: 123_456_789,
      descriptionZh: '简介',
    };
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
      const columns = exportColumns('organisation', locale);
      const written = exportCells(columns, record, locale, terms);
      const values = Object.fromEntries(columns.map((c, i) => [c.field.name, written[i] === null ? null : String(written[i])]));
      const headers = Object.fromEntries(columns.map((c) => [c.field.name, c.header]));
      const row = readRow('organisation', { values, headers }, terms);
      expect(row.problems, locale).toEqual([]);
      expect(row.input, locale).toMatchObject(record);
    }
  });
});

describe('credit codes in generated data', () => {
  it('the alphabet has 31 characters', () => expect(CREDIT_CODE_ALPHABET).toHaveLength(31));
});
