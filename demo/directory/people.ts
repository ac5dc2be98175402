/**
 * Invented people of the demo's companies, among them the demo accounts that represent an
 * organisation. No person here stands for a real one, and none works at a real institution.
 * Contact details use example.com addresses and one block of unassigned-looking numbers.
 */
import type { CuratedPerson } from './types';

export const CURATED_PEOPLE: CuratedPerson[] = [
  {
    key: 'zhao-mingxuan', community: 'china-medical-city', nameZh: '赵明轩', nameEn: 'Mingxuan Zhao', account: 'investor@biobridge.demo',
    at: [['chengtai-vc', '投资总监']], consent: { at: '2025-03-26T15:30:00+08:00', source: 'registration_form' },
    email: 'investor@biobridge.demo', wechatId: 'mingxuan_zhao_vc',
    bioZh: '澄泰创投投资总监,负责创新药和细胞治疗方向,曾在药企从事临床开发十年。', bioEn: 'Investment Director at Chengtai Ventures, covering innovative drugs and cell therapy, after ten years in clinical development at a pharmaceutical company.',
  },
  {
    key: 'sun-yue', community: 'china-medical-city', nameZh: '孙悦', nameEn: 'Yue Sun', account: 'member@biobridge.demo',
    at: [['heyao-cell', '业务拓展总监']], consent: { at: '2025-04-02T10:00:00+08:00', source: 'registration_form' },
    email: 'member@biobridge.demo', phone: '13900000101',
    bioZh: '禾曜细胞业务拓展总监,负责融资、园区合作和对外授权。', bioEn: 'Head of Business Development at Heyao Cell: financing, park partnerships and licensing.',
  },
  {
    key: 'li-na', community: 'jiading-biomed-alliance', nameZh: '李娜', nameEn: 'Na Li', account: 'provider@biobridge.demo',
    at: [['jinyan-cro', '业务拓展总监']], consent: { at: '2024-10-16T14:00:00+08:00', source: 'signed_paper' },
    email: 'provider@biobridge.demo', phone: '13900000102',
    bioZh: '槿研医药业务拓展总监,服务医疗器械和体外诊断企业的临床与注册需求。', bioEn: 'Business Development Director at Jinyan CRO, serving device and IVD companies’ clinical and regulatory needs.',
  },
  {
    key: 'shen-jiahe', community: 'china-medical-city', nameZh: '沈嘉禾', nameEn: 'Jiahe Shen', account: 'jiahe.shen@biobridge.demo',
    at: [['jinling-pe', '合伙人']], consent: { at: '2025-01-10T09:00:00+08:00', source: 'email' },
    email: 'jiahe.shen@biobridge.demo',
    bioZh: '弘远资本合伙人,关注临床后期创新药和疫苗。', bioEn: 'Partner at Hongyuan Capital, focused on late-clinical drugs and vaccines.',
  },
  {
    key: 'han-mengqi', community: 'china-medical-city', nameZh: '韩梦琪', nameEn: 'Mengqi Han', account: 'mengqi.han@biobridge.demo',
    at: [['chengjiang-cdmo', '项目经理']], consent: { at: '2025-02-18T11:20:00+08:00', source: 'registration_form' },
    email: 'mengqi.han@biobridge.demo',
    bioZh: '澄江生物CDMO项目经理,负责抗体和疫苗客户的工艺转移。', bioEn: 'CDMO project manager at Chengjiang Bioprocess, handling process transfer for antibody and vaccine clients.',
  },
  {
    key: 'peng-bowen', community: 'taizhou-shanghai-centre', nameZh: '彭博文', nameEn: 'Bowen Peng', account: 'bowen.peng@biobridge.demo',
    at: [['qihe-angel', '创始合伙人']],
    email: 'bowen.peng@biobridge.demo',
    bioZh: '启禾天使创始合伙人,曾任跨国药企中国研发中心负责人。', bioEn: 'Founding partner of Qihe Angels and former head of a multinational’s China R&D centre.',
  },
  {
    key: 'michael-brown', community: 'daxing-regen-park', nameZh: 'Michael Brown', nameEn: 'Michael Brown', account: 'michael.brown@biobridge.demo',
    at: [['zhenyuan-vc', 'Venture Partner']], consent: { at: '2025-05-08T16:00:00+08:00', source: 'email' },
    email: 'michael.brown@biobridge.demo',
    bioZh: '臻元创投风险合伙人,负责海外再生医学项目。', bioEn: 'Venture Partner at Zhenyuan Ventures, covering regenerative-medicine projects from abroad.',
  },
  {
    key: 'deng-zixuan', community: 'jiading-biomed-alliance', nameZh: '邓子轩', nameEn: 'Zixuan Deng', account: 'zixuan.deng@biobridge.demo',
    at: [['jinyan-cro', '注册事务经理']],
    email: 'zixuan.deng@biobridge.demo',
    bioZh: '槿研医药注册事务经理。', bioEn: 'Regulatory Affairs Manager at Jinyan CRO.',
  },
  {
    key: 'feng-yutong', community: 'china-medical-city', nameZh: '冯雨桐', nameEn: 'Yutong Feng', account: 'yutong.feng@biobridge.demo',
    at: [['yaomai-adc', '首席执行官']], consent: { at: '2025-03-26T16:00:00+08:00', source: 'registration_form' },
    email: 'yutong.feng@biobridge.demo',
    bioZh: '曜迈生物创始人兼首席执行官,抗体偶联药物领域从业十五年。', bioEn: 'Founder and CEO of Yaomai Bio, fifteen years in antibody-drug conjugates.',
  },
  {
    key: 'jiang-yiming', community: 'china-medical-city', nameZh: '蒋一鸣', nameEn: 'Yiming Jiang', account: 'yiming.jiang@biobridge.demo',
    at: [['chengyuan-vaccine', '副总经理']],
    email: 'yiming.jiang@biobridge.demo',
    bioZh: '澄源疫苗副总经理,分管生产和质量。', bioEn: 'Deputy General Manager of Chengyuan Vaccines, in charge of manufacturing and quality.',
  },
  {
    key: 'yang-zihan', community: 'china-medical-city', nameZh: '杨子涵', nameEn: 'Zihan Yang', account: 'zihan.yang@biobridge.demo',
    at: [['jingheng-device', '注册总监']], consent: { at: '2024-12-01T09:30:00+08:00', source: 'signed_paper' },
    email: 'zihan.yang@biobridge.demo',
    bioZh: '景衡医疗注册总监。', bioEn: 'Head of Regulatory Affairs at Jingheng Medical.',
  },
  {
    key: 'cao-xinyi', community: 'taizhou-shanghai-centre', nameZh: '曹欣怡', nameEn: 'Xinyi Cao', account: 'xinyi.cao@biobridge.demo',
    at: [['lanqi-mrna', '首席运营官']], consent: { at: '2025-03-26T17:10:00+08:00', source: 'registration_form' },
    email: 'xinyi.cao@biobridge.demo',
    bioZh: '澜启生物首席运营官,负责泰州生产基地筹建。', bioEn: 'COO of Lanqi Bio, setting up its Taizhou production site.',
  },
  {
    key: 'xie-yuhang', community: 'jiading-biomed-alliance', nameZh: '谢宇航', nameEn: 'Yuhang Xie', account: 'yuhang.xie@biobridge.demo',
    at: [['jingmai-robot', '首席技术官']],
    email: 'yuhang.xie@biobridge.demo',
    bioZh: '景迈医疗首席技术官,手术机器人导航算法专家。', bioEn: 'CTO of Jingmai Medical, an expert in surgical-navigation algorithms.',
  },
  {
    key: 'tang-shiyu', community: 'jiading-biomed-alliance', nameZh: '唐诗雨', nameEn: 'Shiyu Tang', account: 'shiyu.tang@biobridge.demo',
    at: [['qixi-ivd', '市场总监']], consent: { at: '2024-10-16T15:00:00+08:00', source: 'signed_paper' },
    email: 'shiyu.tang@biobridge.demo',
    bioZh: '启析生物市场总监。', bioEn: 'Marketing Director at Qixi Bio.',
  },
  {
    key: 'ye-hsinyu', community: 'daxing-regen-park', nameZh: '葉欣妤', nameEn: 'Hsin-yu Yeh', account: 'hsinyu.yeh@biobridge.demo',
    at: [['chengyao-msc', '研发总监']], consent: { at: '2025-06-12T10:00:00+08:00', source: 'registration_form' },
    email: 'hsinyu.yeh@biobridge.demo',
    bioZh: '澄曜干细胞研发总监,曾在台湾从事干细胞制剂研究。', bioEn: 'Head of R&D at Chengyao Stem Cell; previously worked on stem-cell products in Taiwan.',
  },
  // People without an account.
  {
    key: 'gu-chenglin', community: 'china-medical-city', nameZh: '顾承霖', nameEn: 'Chenglin Gu',
    at: [['heyao-cell', '创始人兼首席执行官'], ['taizhou-institute', '客座研究员', false]], consent: { at: '2025-03-26T15:00:00+08:00', source: 'registration_form' },
    email: 'chenglin.gu@example.com',
    bioZh: '禾曜细胞创始人,细胞免疫治疗领域科学家。', bioEn: 'Founder of Heyao Cell and a cell-immunotherapy scientist.',
  },
  {
    key: 'lu-wenqian', community: 'china-medical-city', nameZh: '陆文倩', nameEn: 'Wenqian Lu',
    at: [['taizhou-institute', '成果转化部主任']],
    email: 'wenqian.lu@example.com',
    bioZh: '澄江转化研究院成果转化部主任,负责项目遴选和"拨投结合"立项。', bioEn: 'Head of technology transfer at the Chengjiang institute, selecting projects and grant-to-equity proposals.',
  },
  {
    key: 'wei-haoyu', community: 'taizhou-shanghai-centre', nameZh: '魏浩宇', nameEn: 'Haoyu Wei',
    at: [['xinyao-gene', '首席科学家']], consent: { at: '2025-03-26T16:30:00+08:00', source: 'registration_form' },
    email: 'haoyu.wei@example.com',
    bioZh: '芯曜基因联合创始人兼首席科学家,AAV衣壳工程专家。', bioEn: 'Co-founder and CSO of Xinyao Gene, an AAV capsid engineer.',
  },
  {
    key: 'emma-liu', community: 'taizhou-shanghai-centre', nameZh: '刘安琪', nameEn: 'Emma Liu',
    at: [['lumenza', 'Chief Executive Officer']], consent: { at: '2025-03-26T16:45:00+08:00', source: 'email' },
    email: 'emma.liu@example.com',
    bioZh: 'Lumenza Therapeutics创始人,曾在美国从事RNA药物研发。', bioEn: 'Founder of Lumenza Therapeutics; previously developed RNA medicines in the United States.',
  },
  {
    key: 'qian-yifan', community: 'jiading-biomed-alliance', nameZh: '钱一帆', nameEn: 'Yifan Qian',
    at: [['chengxin-ep', '创始人'], ['jingheng-device', '前研发总监', false]],
    email: 'yifan.qian@example.com',
    bioZh: '澄心医疗创始人,曾任神经介入器械企业研发总监。', bioEn: 'Founder of Chengxin Medical, formerly head of R&D at a neurovascular device maker.',
  },
  {
    key: 'zhou-ruoxi', community: 'daxing-regen-park', nameZh: '周若溪', nameEn: 'Ruoxi Zhou',
    at: [['zhenyuan-ipsc', '创始人兼首席执行官']], consent: { at: '2025-06-12T10:30:00+08:00', source: 'registration_form' },
    email: 'ruoxi.zhou@example.com',
    bioZh: '臻源细胞创始人,多能干细胞分化研究者。', bioEn: 'Founder of Zhenyuan Cell and a pluripotent stem-cell differentiation researcher.',
  },
];

/** Demo accounts that speak for an organisation (organisation_representatives). */
export const REPRESENTATIVES: [account: string, organisation: string][] = [
  ['investor@biobridge.demo', 'chengtai-vc'],
  ['member@biobridge.demo', 'heyao-cell'],
  ['provider@biobridge.demo', 'jinyan-cro'],
  ['jiahe.shen@biobridge.demo', 'jinling-pe'],
  ['mengqi.han@biobridge.demo', 'chengjiang-cdmo'],
  ['bowen.peng@biobridge.demo', 'qihe-angel'],
  ['michael.brown@biobridge.demo', 'zhenyuan-vc'],
  ['zixuan.deng@biobridge.demo', 'jinyan-cro'],
  ['yutong.feng@biobridge.demo', 'yaomai-adc'],
  ['yiming.jiang@biobridge.demo', 'chengyuan-vaccine'],
  ['zihan.yang@biobridge.demo', 'jingheng-device'],
  ['xinyi.cao@biobridge.demo', 'lanqi-mrna'],
  ['yuhang.xie@biobridge.demo', 'jingmai-robot'],
  ['shiyu.tang@biobridge.demo', 'qixi-ivd'],
  ['hsinyu.yeh@biobridge.demo', 'chengyao-msc'],
];
