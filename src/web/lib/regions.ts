/**
 * Province-level divisions as people read them in each language. The directory stores the
 * simplified Chinese name (江苏省, as the import and the forms write it); this names it in
 * traditional Chinese and in English on screen. Cities and districts are shown as stored.
 */
const PROVINCES: Record<string, { hant: string; en: string }> = {
  北京市: { hant: '北京市', en: 'Beijing' },
  天津市: { hant: '天津市', en: 'Tianjin' },
  上海市: { hant: '上海市', en: 'Shanghai' },
  重庆市: { hant: '重慶市', en: 'Chongqing' },
  河北省: { hant: '河北省', en: 'Hebei' },
  山西省: { hant: '山西省', en: 'Shanxi' },
  辽宁省: { hant: '遼寧省', en: 'Liaoning' },
  吉林省: { hant: '吉林省', en: 'Jilin' },
  黑龙江省: { hant: '黑龍江省', en: 'Heilongjiang' },
  江苏省: { hant: '江蘇省', en: 'Jiangsu' },
  浙江省: { hant: '浙江省', en: 'Zhejiang' },
  安徽省: { hant: '安徽省', en: 'Anhui' },
  福建省: { hant: '福建省', en: 'Fujian' },
  江西省: { hant: '江西省', en: 'Jiangxi' },
  山东省: { hant: '山東省', en: 'Shandong' },
  河南省: { hant: '河南省', en: 'Henan' },
  湖北省: { hant: '湖北省', en: 'Hubei' },
  湖南省: { hant: '湖南省', en: 'Hunan' },
  广东省: { hant: '廣東省', en: 'Guangdong' },
  海南省: { hant: '海南省', en: 'Hainan' },
  四川省: { hant: '四川省', en: 'Sichuan' },
  贵州省: { hant: '貴州省', en: 'Guizhou' },
  云南省: { hant: '雲南省', en: 'Yunnan' },
  陕西省: { hant: '陝西省', en: 'Shaanxi' },
  甘肃省: { hant: '甘肅省', en: 'Gansu' },
  青海省: { hant: '青海省', en: 'Qinghai' },
  台湾省: { hant: '臺灣省', en: 'Taiwan' },
  内蒙古自治区: { hant: '內蒙古自治區', en: 'Inner Mongolia' },
  广西壮族自治区: { hant: '廣西壯族自治區', en: 'Guangxi' },
  西藏自治区: { hant: '西藏自治區', en: 'Tibet' },
  宁夏回族自治区: { hant: '寧夏回族自治區', en: 'Ningxia' },
  新疆维吾尔自治区: { hant: '新疆維吾爾自治區', en: 'Xinjiang' },
  香港特别行政区: { hant: '香港特別行政區', en: 'Hong Kong' },
  澳门特别行政区: { hant: '澳門特別行政區', en: 'Macao' },
};

/** The province-level names as the directory stores them, in the order above (select options). */
export const PROVINCE_NAMES: readonly string[] = Object.keys(PROVINCES);

/** The province's name in `lang` (zh-CN, zh-TW, en); an unknown name is shown as stored. */
export function provinceName(name: string | null | undefined, lang: string): string {
  if (!name) return '';
  const known = PROVINCES[name];
  if (!known) return name;
  return lang === 'en' ? known.en : lang === 'zh-TW' ? known.hant : name;
}

/** "江苏省 泰州市" / "Jiangsu, 泰州市": province named per language, the rest as stored. */
export function regionText(parts: { province?: string | null; city?: string | null; district?: string | null }, lang: string): string {
  // A municipality's city repeats the province (北京市 北京市): say it once.
  const city = parts.city && parts.city !== parts.province ? parts.city : null;
  return [provinceName(parts.province, lang), city, parts.district].filter(Boolean).join(lang === 'en' ? ', ' : ' ');
}
