/**
 * Real public institutions, named by their real names, with public facts only (what they
 * are, where, and facts from the public reports in shared/domain). No credit codes, no
 * figures, no invented people, projects or deals are attached to them; the few links between
 * them are the public agreements those reports describe.
 */
import type { CuratedOrganisation } from './types';

export const INSTITUTIONS: CuratedOrganisation[] = [
  // ---------------------------------------------------------------- China Medical City (Taizhou)
  {
    key: 'cpu', community: 'china-medical-city', real: true, kind: 'university',
    nameZh: '中国药科大学', nameEn: 'China Pharmaceutical University', shortNameZh: '药大', shortNameEn: 'CPU',
    province: '江苏省', city: '南京市', district: '江宁区', website: 'https://www.cpu.edu.cn',
    segments: ['innovative_drug', 'vaccines'],
    descriptionZh: '教育部直属、以药学为特色的全国重点大学,位于南京。',
    descriptionEn: 'A national key university directly under the Ministry of Education, specialised in pharmaceutical sciences, in Nanjing.',
  },
  {
    key: 'njmu', community: 'china-medical-city', real: true, kind: 'university',
    nameZh: '南京医科大学', nameEn: 'Nanjing Medical University', shortNameEn: 'NJMU',
    province: '江苏省', city: '南京市', district: '江宁区', website: 'https://www.njmu.edu.cn',
    segments: ['innovative_drug', 'medical_device'],
    descriptionZh: '江苏省属重点医科大学,位于南京。',
    descriptionEn: 'A key medical university of Jiangsu province, in Nanjing.',
  },
  {
    key: 'jitri', community: 'china-medical-city', real: true, kind: 'research_institute',
    nameZh: '江苏省产业技术研究院', nameEn: 'Jiangsu Industrial Technology Research Institute', shortNameZh: '江苏产研院', shortNameEn: 'JITRI',
    province: '江苏省', city: '南京市', website: 'https://www.jitri.cn',
    segments: ['innovative_drug', 'medical_device', 'biomaterials'],
    descriptionZh: '江苏省的产业技术研发机构。与长三角国家技术创新中心联合构建"拨投结合"模式:财政资金先以科研经费投入早期项目,项目获得市场化融资时按市场投资人条件转为股权。',
    descriptionEn: "Jiangsu's industrial technology research organisation. With the Yangtze River Delta National Technology Innovation Center it built the grant-to-equity model: public money first funds early projects as research grants and converts into equity on the market investor's terms when a project raises a market round.",
  },
  {
    key: 'yrd-nitic', community: 'china-medical-city', real: true, kind: 'research_institute',
    nameZh: '长三角国家技术创新中心', nameEn: 'Yangtze River Delta National Technology Innovation Center', shortNameZh: '长三角国创中心',
    province: '上海市', city: '上海市',
    segments: ['innovative_drug', 'medical_device'],
    descriptionZh: '国家技术创新中心之一,与江苏省产业技术研究院联合构建"拨投结合"机制,推动战略性新兴领域科技成果转化。',
    descriptionEn: 'One of the national technology innovation centres; with JITRI it built the grant-to-equity mechanism that funds the commercialisation of research in strategic emerging fields.',
  },
  {
    key: 'huayin', community: 'china-medical-city', residentOf: ['china-medical-city'], real: true, kind: 'state_financing', investorType: 'state_financing',
    nameZh: '泰州医药高新区华银金融投资有限公司', nameEn: 'Taizhou Medical Hi-tech Zone Huayin Financial Investment Co., Ltd.', shortNameZh: '华银金投',
    province: '江苏省', city: '泰州市',
    segments: ['innovative_drug', 'medical_device'], thesisSegments: ['innovative_drug', 'medical_device', 'vaccines'], thesisRegions: ['江苏省'],
    descriptionZh: '泰州医药高新区的国有金融投资企业,持有3张基金管理人牌照,通过基金投资生物医药、医疗器械企业,联合市场资本共同投资,并以国资担保贷款等方式为企业提供资金支持。',
    descriptionEn: 'The state-owned financing company of the Taizhou medical hi-tech zone. It holds three fund-manager licences, invests in pharmaceutical and device companies through its funds, co-invests with market capital and supports companies with state-guaranteed loans.',
  },
  {
    key: 'js-gov-fund', community: 'china-medical-city', real: true, kind: 'guidance_fund', investorType: 'guidance_fund',
    nameZh: '江苏省政府投资基金', nameEn: 'Jiangsu Government Investment Fund',
    province: '江苏省', city: '南京市',
    thesisSegments: ['innovative_drug', 'medical_device'], thesisRegions: ['江苏省'],
    descriptionZh: '江苏省政府出资设立的政府投资基金,通过参股子基金等方式引导社会资本投向省内重点产业。',
    descriptionEn: 'The Jiangsu provincial government investment fund, which steers private capital into the province’s priority industries, mainly through sub-funds.',
  },
  {
    key: 'tz-hospital', community: 'china-medical-city', real: true, kind: 'hospital',
    nameZh: '泰州市人民医院', nameEn: "Taizhou People's Hospital",
    province: '江苏省', city: '泰州市', district: '海陵区',
    segments: ['innovative_drug', 'medical_device'],
    descriptionZh: '泰州市的综合性医院。',
    descriptionEn: 'A general hospital in Taizhou.',
  },
  {
    key: 'cmc-admin', community: 'china-medical-city', residentOf: ['china-medical-city'], real: true, kind: 'government_agency',
    nameZh: '泰州医药高新技术产业开发区管理委员会', nameEn: 'Administrative Committee of Taizhou Medical High-tech Industrial Development Zone', shortNameZh: '泰州医药高新区管委会',
    province: '江苏省', city: '泰州市',
    segments: ['innovative_drug', 'vaccines', 'medical_device', 'ivd'],
    descriptionZh: '中国医药城所在的国家级医药高新区的管理机构,下设投资促进中心和科技创新中心,负责招商和科创服务。',
    descriptionEn: 'The administration of the national medical high-tech zone that hosts China Medical City; its investment-promotion and technology-innovation centres court projects and serve innovators.',
  },
  {
    key: 'js-talent', community: 'china-medical-city', real: true, kind: 'association',
    nameZh: '江苏省人才创新创业促进会', nameEn: 'Jiangsu Association for Talent Innovation and Entrepreneurship',
    province: '江苏省', city: '南京市',
    descriptionZh: '江苏省的人才创新创业社会组织,曾联合指导中国医药城在上海张江举办的科创主题沙龙。',
    descriptionEn: 'A Jiangsu association for talent, innovation and entrepreneurship; it co-sponsored China Medical City’s innovation salon in Zhangjiang, Shanghai.',
  },
  // ---------------------------------------------------------------- Taizhou (Shanghai) centre
  {
    key: 'fudan', community: 'taizhou-shanghai-centre', real: true, kind: 'university',
    nameZh: '复旦大学', nameEn: 'Fudan University', shortNameEn: 'Fudan',
    province: '上海市', city: '上海市', district: '杨浦区', website: 'https://www.fudan.edu.cn',
    segments: ['innovative_drug', 'gene_therapy', 'mrna'],
    descriptionZh: '位于上海的综合性研究型大学。其科研院产学研合作处曾出席中国医药城在张江举办的科创主题沙龙。',
    descriptionEn: 'A comprehensive research university in Shanghai. Its office for industry-university cooperation attended China Medical City’s innovation salon in Zhangjiang.',
  },
  {
    key: 'sjtu', community: 'taizhou-shanghai-centre', real: true, kind: 'university',
    nameZh: '上海交通大学', nameEn: 'Shanghai Jiao Tong University', shortNameEn: 'SJTU',
    province: '上海市', city: '上海市', district: '闵行区', website: 'https://www.sjtu.edu.cn',
    segments: ['medical_device', 'innovative_drug', 'digital_health'],
    descriptionZh: '位于上海的综合性研究型大学。',
    descriptionEn: 'A comprehensive research university in Shanghai.',
  },
  {
    key: 'simm', community: 'taizhou-shanghai-centre', real: true, kind: 'research_institute',
    nameZh: '中国科学院上海药物研究所', nameEn: 'Shanghai Institute of Materia Medica, Chinese Academy of Sciences', shortNameZh: '上海药物所', shortNameEn: 'SIMM',
    province: '上海市', city: '上海市', district: '浦东新区', website: 'https://www.simm.ac.cn',
    segments: ['innovative_drug'],
    descriptionZh: '中国科学院从事药物研究的科研机构,位于上海张江。',
    descriptionEn: 'The Chinese Academy of Sciences’ institute for drug research, in Zhangjiang, Shanghai.',
  },
  {
    key: 'shanghaitech', community: 'taizhou-shanghai-centre', real: true, kind: 'university',
    nameZh: '上海科技大学', nameEn: 'ShanghaiTech University',
    province: '上海市', city: '上海市', district: '浦东新区', website: 'https://www.shanghaitech.edu.cn',
    segments: ['innovative_drug', 'gene_therapy'],
    descriptionZh: '位于上海张江的研究型大学。',
    descriptionEn: 'A research university in Zhangjiang, Shanghai.',
  },
  // ---------------------------------------------------------------- Jiading alliance
  {
    key: 'ruijin', community: 'jiading-biomed-alliance', real: true, kind: 'hospital',
    nameZh: '上海交通大学医学院附属瑞金医院', nameEn: 'Ruijin Hospital, Shanghai Jiao Tong University School of Medicine', shortNameZh: '瑞金医院',
    province: '上海市', city: '上海市', district: '黄浦区', website: 'https://www.rjh.com.cn',
    segments: ['medical_device', 'innovative_drug'],
    descriptionZh: '上海的综合性三级甲等医院。2024年其上海市伤骨科研究所等科研机构在上海械谷创新医疗器械产业园揭牌。',
    descriptionEn: 'A top-tier general hospital in Shanghai. In 2024 its Shanghai Institute of Traumatology and Orthopaedics opened a base in the Shanghai Medical Valley device park.',
  },
  {
    key: 'sito', community: 'jiading-biomed-alliance', residentOf: ['jiading-biomed-alliance'], real: true, kind: 'research_institute',
    nameZh: '上海市伤骨科研究所', nameEn: 'Shanghai Institute of Traumatology and Orthopaedics',
    province: '上海市', city: '上海市', district: '嘉定区',
    segments: ['medical_device', 'biomaterials'],
    descriptionZh: '瑞金医院的骨科研究机构,2024年10月在上海械谷创新医疗器械产业园揭牌,与产业园开展医工合作。',
    descriptionEn: 'Ruijin Hospital’s orthopaedic research institute; it opened in the Shanghai Medical Valley device park in October 2024 to work with device companies there.',
  },
  {
    key: 'medvalley', community: 'jiading-biomed-alliance', residentOf: ['jiading-biomed-alliance'], real: true, kind: 'park_operator',
    nameZh: '上海械谷创新医疗器械产业园', nameEn: 'Shanghai Medical Valley Innovative Medical Device Park', shortNameZh: '上海械谷',
    province: '上海市', city: '上海市', district: '嘉定区',
    segments: ['medical_device', 'ivd'],
    descriptionZh: '嘉定区高端医疗产业集群的核心载体,形成涵盖研发、概念验证、投融资等环节的高端医疗器械创新生态。',
    descriptionEn: 'The core site of Jiading’s high-end medical cluster, with an ecosystem for advanced medical devices covering R&D, proof of concept and financing.',
  },
  {
    key: 'tongji', community: 'jiading-biomed-alliance', real: true, kind: 'university',
    nameZh: '同济大学', nameEn: 'Tongji University',
    province: '上海市', city: '上海市', district: '杨浦区', website: 'https://www.tongji.edu.cn',
    segments: ['medical_device', 'biomaterials'],
    descriptionZh: '位于上海的综合性研究型大学,在嘉定设有校区。',
    descriptionEn: 'A comprehensive research university in Shanghai with a campus in Jiading.',
  },
  // ---------------------------------------------------------------- Regenerative medicine park (Daxing)
  {
    key: 'xinhangcheng', community: 'daxing-regen-park', residentOf: ['daxing-regen-park'], real: true, kind: 'park_operator',
    nameZh: '北京新航城控股有限公司', nameEn: 'Beijing New Aerotropolis Holding Co., Ltd.', shortNameZh: '新航城',
    province: '北京市', city: '北京市', district: '大兴区',
    segments: ['regenerative_medicine', 'cell_therapy'],
    descriptionZh: '大兴国际机场临空经济区的核心平台公司,设立了生命健康产业专家委员会。临空区国际再生医学产业园是其在北京自贸区高端产业片区建设的首个项目。',
    descriptionEn: 'The core platform company of the Daxing airport economic zone, with an expert committee on life-science industries. The International Regenerative Medicine Industrial Park is its first project in the high-end industry area of the Beijing free-trade zone.',
  },
  {
    key: 'zgc-device-park', community: 'daxing-regen-park', residentOf: ['daxing-regen-park'], real: true, kind: 'park_operator',
    nameZh: '中关村医疗器械园有限公司', nameEn: 'Zhongguancun Medical Device Park Co., Ltd.',
    province: '北京市', city: '北京市', district: '大兴区',
    segments: ['medical_device', 'regenerative_medicine'],
    descriptionZh: '中关村唯一的医疗器械专业园区的运营方,与北京新航城共同打造国际再生医学产业园,支持园区引进生产研发企业、CDMO、CRO等技术服务机构。',
    descriptionEn: 'Operator of Zhongguancun’s only park dedicated to medical devices; with Beijing New Aerotropolis it develops the International Regenerative Medicine Industrial Park and helps it attract manufacturers, CDMOs and CROs.',
  },
  {
    key: 'zgc-frontier', community: 'daxing-regen-park', real: true, kind: 'association',
    nameZh: '中关村前沿科技与产业服务联盟', nameEn: 'Zhongguancun Frontier Technology and Industry Service Alliance',
    province: '北京市', city: '北京市',
    descriptionZh: '2016年成立,由前沿技术企业联合创投机构、金融机构、孵化器和龙头企业组成,设有路演、投融资、产业服务、宣传和产业研究五大服务平台。',
    descriptionEn: 'Founded in 2016 by frontier-technology companies with venture investors, financial institutions, incubators and industry leaders; it runs five service platforms: roadshows, investment and financing, industry services, publicity and industry research.',
  },
  {
    key: 'daxing-admin', community: 'daxing-regen-park', real: true, kind: 'government_agency',
    nameZh: '北京大兴国际机场临空经济区(大兴)管理委员会', nameEn: 'Administrative Committee of Beijing Daxing International Airport Economic Zone (Daxing)',
    province: '北京市', city: '北京市', district: '大兴区',
    descriptionZh: '大兴国际机场临空经济区大兴片区的管理机构,曾主办国际再生医学产业园签约仪式暨投融资闭门会。',
    descriptionEn: 'The administration of the Daxing part of the airport economic zone; it hosted the regenerative medicine park’s signing ceremony and closed-door investment meeting.',
  },
  {
    key: 'ioz', community: 'daxing-regen-park', real: true, kind: 'research_institute',
    nameZh: '中国科学院动物研究所', nameEn: 'Institute of Zoology, Chinese Academy of Sciences', shortNameEn: 'IOZ',
    province: '北京市', city: '北京市', district: '朝阳区', website: 'https://www.ioz.ac.cn',
    segments: ['regenerative_medicine', 'cell_therapy'],
    descriptionZh: '中国科学院的科研机构,干细胞与再生医学是其研究方向之一。',
    descriptionEn: 'An institute of the Chinese Academy of Sciences; stem cells and regenerative medicine are among its research fields.',
  },
  {
    key: 'ccmu', community: 'daxing-regen-park', real: true, kind: 'university',
    nameZh: '首都医科大学', nameEn: 'Capital Medical University', shortNameEn: 'CCMU',
    province: '北京市', city: '北京市', district: '丰台区', website: 'https://www.ccmu.edu.cn',
    segments: ['regenerative_medicine', 'innovative_drug'],
    descriptionZh: '北京市属医科大学。',
    descriptionEn: 'A medical university of the Beijing municipality.',
  },
];

/** Public agreements between them (from the public reports). */
export const INSTITUTION_LINKS: [from: string, role: 'partner_of', to: string, note: string][] = [
  ['jitri', 'partner_of', 'yrd-nitic', '联合构建"拨投结合"模式'],
  ['xinhangcheng', 'partner_of', 'zgc-device-park', '三方战略合作协议:共同打造国际再生医学产业园'],
  ['xinhangcheng', 'partner_of', 'zgc-frontier', '三方战略合作协议'],
  ['sito', 'partner_of', 'medvalley', '2024年10月在上海械谷揭牌'],
];
