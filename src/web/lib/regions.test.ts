import { describe, expect, it } from 'vitest';
import { provinceName, regionText } from './regions';

describe('region names on screen', () => {
  it('names provinces in each language and leaves unknown names as stored', () => {
    expect(provinceName('江苏省', 'en')).toBe('Jiangsu');
    expect(provinceName('江苏省', 'zh-TW')).toBe('江蘇省');
    expect(provinceName('江苏省', 'zh-CN')).toBe('江苏省');
    expect(provinceName('Bavaria', 'en')).toBe('Bavaria');
    expect(provinceName(null, 'en')).toBe('');
  });

  it('says a municipality once and joins the parts per language', () => {
    expect(regionText({ province: '北京市', city: '北京市', district: '大兴区' }, 'zh-CN')).toBe('北京市 大兴区');
    expect(regionText({ province: '江苏省', city: '泰州市' }, 'en')).toBe('Jiangsu, 泰州市');
    expect(regionText({}, 'en')).toBe('');
  });
});
