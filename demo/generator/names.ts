/**
 * Name parts: stems of Chinese trade names with their pinyin, business words by segment,
 * legal forms, and people's names. Stems are common, generic characters: combined at random
 * they make plausible, invented names.
 */
export const STEMS: readonly (readonly [zh: string, pinyin: string])[] = [
  ['恒', 'Heng'], ['康', 'Kang'], ['瑞', 'Rui'], ['华', 'Hua'], ['泰', 'Tai'], ['博', 'Bo'], ['诺', 'Nuo'], ['健', 'Jian'],
  ['和', 'He'], ['安', 'An'], ['信', 'Xin'], ['达', 'Da'], ['源', 'Yuan'], ['正', 'Zheng'], ['元', 'Yuan'], ['明', 'Ming'],
  ['睿', 'Rui'], ['迈', 'Mai'], ['思', 'Si'], ['德', 'De'], ['宁', 'Ning'], ['益', 'Yi'], ['百', 'Bai'], ['嘉', 'Jia'],
  ['盛', 'Sheng'], ['天', 'Tian'], ['弘', 'Hong'], ['君', 'Jun'], ['景', 'Jing'], ['卓', 'Zhuo'], ['凯', 'Kai'], ['先', 'Xian'],
  ['昊', 'Hao'], ['济', 'Ji'], ['润', 'Run'], ['英', 'Ying'], ['晟', 'Sheng'], ['复', 'Fu'], ['联', 'Lian'], ['启', 'Qi'],
  ['星', 'Xing'], ['辰', 'Chen'], ['锐', 'Rui'], ['普', 'Pu'], ['惠', 'Hui'], ['臻', 'Zhen'], ['赛', 'Sai'], ['维', 'Wei'],
  ['科', 'Ke'], ['曜', 'Yao'], ['澄', 'Cheng'], ['禾', 'He'], ['洛', 'Luo'], ['峰', 'Feng'], ['川', 'Chuan'], ['逸', 'Yi'],
];

/** What an enterprise does, as it appears in its registered name. */
export interface BusinessWord {
  zh: string;
  en: string;
  segments: readonly string[];
}

export const ENTERPRISE_WORDS: readonly BusinessWord[] = [
  { zh: '生物医药', en: 'Biopharmaceutical', segments: ['innovative_drug'] },
  { zh: '医药科技', en: 'Pharmaceutical Technology', segments: ['innovative_drug'] },
  { zh: '药业', en: 'Pharmaceutical', segments: ['innovative_drug'] },
  { zh: '生物制药', en: 'Biopharma', segments: ['innovative_drug'] },
  { zh: '生物科技', en: 'Biotechnology', segments: ['innovative_drug'] },
  { zh: '医疗器械', en: 'Medical Devices', segments: ['medical_device'] },
  { zh: '医疗科技', en: 'Medical Technology', segments: ['medical_device'] },
  { zh: '医学影像', en: 'Medical Imaging', segments: ['medical_device', 'digital_health'] },
  { zh: '诊断技术', en: 'Diagnostics', segments: ['ivd'] },
  { zh: '基因科技', en: 'Genomics', segments: ['ivd', 'gene_therapy'] },
  { zh: '医学检验', en: 'Medical Laboratory', segments: ['ivd'] },
  { zh: '基因治疗', en: 'Gene Therapeutics', segments: ['gene_therapy'] },
  { zh: '细胞科技', en: 'Cell Technology', segments: ['cell_therapy'] },
  { zh: '细胞治疗', en: 'Cell Therapeutics', segments: ['cell_therapy'] },
  { zh: '干细胞', en: 'Stem Cell', segments: ['cell_therapy', 'regenerative_medicine'] },
  { zh: '再生医学', en: 'Regenerative Medicine', segments: ['regenerative_medicine'] },
  { zh: '生物材料', en: 'Biomaterials', segments: ['biomaterials'] },
  { zh: '生物制品', en: 'Biologics', segments: ['vaccines'] },
  { zh: '疫苗', en: 'Vaccines', segments: ['vaccines'] },
  { zh: '核酸科技', en: 'Nucleic Acid Technology', segments: ['mrna'] },
  { zh: '微生物科技', en: 'Microbial Technology', segments: ['phage_therapy'] },
  { zh: '健康科技', en: 'Health Technology', segments: ['digital_health'] },
  { zh: '智能医疗', en: 'Intelligent Healthcare', segments: ['digital_health', 'medical_device'] },
];

export const SERVICE_WORDS: readonly { zh: string; short: string; en: string; services: readonly string[] }[] = [
  { zh: '医药研发', short: '医药', en: 'Pharmaceutical R&D', services: ['cro', 'animal_testing'] },
  { zh: '新药研究', short: '新药', en: 'Drug Research', services: ['cro', 'regulatory'] },
  { zh: '临床研究', short: '临床', en: 'Clinical Research', services: ['clinical', 'cro'] },
  { zh: '生物制药技术服务', short: '生物', en: 'Bioprocess Services', services: ['cdmo', 'pilot_production'] },
  { zh: '医药合同生产', short: '制药', en: 'Contract Manufacturing', services: ['cmo', 'pilot_production'] },
  { zh: '药物安全评价', short: '安评', en: 'Drug Safety Evaluation', services: ['animal_testing', 'cro'] },
  { zh: '医疗器械注册咨询', short: '注册', en: 'Device Regulatory Consulting', services: ['regulatory', 'registration'] },
  { zh: '知识产权代理', short: '知识产权', en: 'IP Agency', services: ['ip'] },
  { zh: '企业管理咨询', short: '咨询', en: 'Management Consulting', services: ['registration', 'finance'] },
  { zh: '检测技术', short: '检测', en: 'Testing Technology', services: ['animal_testing', 'cro'] },
];

export const INVESTOR_WORDS: readonly { zh: string; en: string }[] = [
  { zh: '创业投资有限公司', en: 'Venture Capital Co., Ltd.' },
  { zh: '投资管理有限公司', en: 'Investment Management Co., Ltd.' },
  { zh: '资本管理有限公司', en: 'Capital Management Co., Ltd.' },
  { zh: '股权投资基金合伙企业(有限合伙)', en: 'Equity Investment Fund LP' },
  { zh: '私募基金管理有限公司', en: 'Private Fund Management Co., Ltd.' },
];

export const LEGAL_FORMS: readonly (readonly [zh: string, en: string, weight: number])[] = [
  ['有限公司', 'Co., Ltd.', 8],
  ['股份有限公司', 'Co., Ltd.', 2],
];

/** English-only trade names for foreign-invested companies. */
export const ENGLISH_ONLY = ['Nova', 'Helix', 'Aurora', 'Vertex', 'Lumen', 'Apex', 'Orion', 'Zenith', 'Meridian', 'Cascade', 'Atlas', 'Solace'] as const;
/** The English word such a company ends its name with, by segment. */
export const ENGLISH_SUFFIX: Record<string, string> = {
  innovative_drug: 'Therapeutics', medical_device: 'MedTech', ivd: 'Diagnostics', cell_therapy: 'Cell Therapeutics', gene_therapy: 'Genetics',
  mrna: 'RNA Therapeutics', vaccines: 'Vaccines', regenerative_medicine: 'Regenerative Medicine', biomaterials: 'Biomaterials', digital_health: 'Health AI',
  phage_therapy: 'Phage Therapeutics',
};

export const SURNAMES: readonly (readonly [zh: string, pinyin: string])[] = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['黄', 'Huang'], ['赵', 'Zhao'],
  ['吴', 'Wu'], ['周', 'Zhou'], ['徐', 'Xu'], ['孙', 'Sun'], ['马', 'Ma'], ['朱', 'Zhu'], ['胡', 'Hu'], ['郭', 'Guo'],
  ['何', 'He'], ['林', 'Lin'], ['罗', 'Luo'], ['高', 'Gao'], ['郑', 'Zheng'], ['梁', 'Liang'], ['谢', 'Xie'], ['宋', 'Song'],
  ['唐', 'Tang'], ['许', 'Xu'], ['韩', 'Han'], ['冯', 'Feng'], ['邓', 'Deng'], ['曹', 'Cao'], ['彭', 'Peng'], ['曾', 'Zeng'],
  ['沈', 'Shen'], ['顾', 'Gu'], ['陆', 'Lu'], ['蒋', 'Jiang'], ['蔡', 'Cai'], ['魏', 'Wei'], ['钱', 'Qian'], ['欧阳', 'Ouyang'],
];

export const GIVEN: readonly (readonly [zh: string, pinyin: string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['敏', 'min'], ['静', 'jing'], ['磊', 'lei'], ['洋', 'yang'], ['艳', 'yan'], ['勇', 'yong'],
  ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'],
  ['文', 'wen'], ['华', 'hua'], ['俊', 'jun'], ['婷', 'ting'], ['宇', 'yu'], ['欣', 'xin'], ['浩', 'hao'], ['悦', 'yue'],
  ['晨', 'chen'], ['思', 'si'], ['嘉', 'jia'], ['雨', 'yu'], ['志', 'zhi'], ['佳', 'jia'], ['凯', 'kai'], ['瑶', 'yao'],
  ['子', 'zi'], ['梓', 'zi'], ['一', 'yi'], ['博', 'bo'], ['立', 'li'], ['晓', 'xiao'], ['建', 'jian'], ['慧', 'hui'],
];
