import type { MembershipRole } from '../src/domain/roles';

/** One password for every demo account, printed at start. Never used outside demo data. */
export const DEMO_PASSWORD = 'BioBridge2026';

type Slug = 'china-medical-city' | 'taizhou-shanghai-centre' | 'jiading-biomed-alliance' | 'daxing-regen-park';

export interface DemoAccount {
  email: string;
  displayName: string;
  locale: 'zh-CN' | 'zh-TW' | 'en';
  isPlatformAdmin?: boolean;
  /** What the account is for, printed next to it at start. */
  purpose: string;
  memberships: [Slug, MembershipRole][];
}

// Invented people: no demo account stands for a real person.
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@biobridge.demo', displayName: '林晓岚', locale: 'zh-CN', isPlatformAdmin: true, purpose: 'platform admin', memberships: [] },
  {
    email: 'park.admin@biobridge.demo',
    displayName: '周文博',
    locale: 'zh-CN',
    purpose: 'community admin, China Medical City; staff at the Shanghai centre',
    memberships: [
      ['china-medical-city', 'community_admin'],
      ['taizhou-shanghai-centre', 'staff'],
    ],
  },
  { email: 'centre.admin@biobridge.demo', displayName: '陈思远', locale: 'zh-CN', purpose: 'community admin, Taizhou (Shanghai) centre', memberships: [['taizhou-shanghai-centre', 'community_admin']] },
  { email: 'alliance.admin@biobridge.demo', displayName: '吴佳怡', locale: 'zh-CN', purpose: 'community admin, Jiading alliance', memberships: [['jiading-biomed-alliance', 'community_admin']] },
  { email: 'regen.admin@biobridge.demo', displayName: '何俊杰', locale: 'zh-TW', purpose: 'community admin, regenerative medicine park (繁體)', memberships: [['daxing-regen-park', 'community_admin']] },
  { email: 'staff@biobridge.demo', displayName: '王磊', locale: 'zh-CN', purpose: 'staff, China Medical City; runs the partnering day schedule (event page → 一对一洽谈); screens answers to its challenge at /challenges', memberships: [['china-medical-city', 'staff']] },
  {
    email: 'investor@biobridge.demo',
    displayName: '赵明轩',
    locale: 'zh-CN',
    purpose: 'investor in two communities; closed-door meeting; partnering meetings at /me/partnering; suggested projects at /suggestions',
    memberships: [
      ['china-medical-city', 'investor'],
      ['jiading-biomed-alliance', 'investor'],
    ],
  },
  {
    email: 'member@biobridge.demo',
    displayName: '孙悦',
    locale: 'zh-CN',
    purpose: 'enterprise representative (member); salon; partnering requests at /me/partnering; technology briefs at /briefs',
    memberships: [
      ['china-medical-city', 'member'],
      ['daxing-regen-park', 'member'],
    ],
  },
  {
    email: 'judge@biobridge.demo',
    displayName: 'Dr. Emily Chen',
    locale: 'en',
    purpose: 'judge (English): has competition entries to score at /judging',
    memberships: [
      ['daxing-regen-park', 'judge'],
      ['china-medical-city', 'judge'],
    ],
  },
  { email: 'provider@biobridge.demo', displayName: '李娜', locale: 'zh-CN', purpose: 'service provider (CRO)', memberships: [['jiading-biomed-alliance', 'service_provider']] },
  { email: 'viewer@biobridge.demo', displayName: '郑凯', locale: 'zh-CN', purpose: 'viewer, China Medical City', memberships: [['china-medical-city', 'viewer']] },
];

/** Further invented members, so member lists look like a working community. */
export const DEMO_EXTRA_MEMBERS: [string, string, Slug, MembershipRole][] = [
  ['钱浩然', 'haoran.qian', 'china-medical-city', 'staff'],
  ['冯雨桐', 'yutong.feng', 'china-medical-city', 'member'],
  ['蒋一鸣', 'yiming.jiang', 'china-medical-city', 'member'],
  ['沈嘉禾', 'jiahe.shen', 'china-medical-city', 'investor'],
  ['韩梦琪', 'mengqi.han', 'china-medical-city', 'service_provider'],
  ['杨子涵', 'zihan.yang', 'china-medical-city', 'member'],
  ['许志强', 'zhiqiang.xu', 'taizhou-shanghai-centre', 'staff'],
  ['曹欣怡', 'xinyi.cao', 'taizhou-shanghai-centre', 'member'],
  ['彭博文', 'bowen.peng', 'taizhou-shanghai-centre', 'investor'],
  ['罗晨曦', 'chenxi.luo', 'jiading-biomed-alliance', 'staff'],
  ['谢宇航', 'yuhang.xie', 'jiading-biomed-alliance', 'member'],
  ['唐诗雨', 'shiyu.tang', 'jiading-biomed-alliance', 'member'],
  ['邓子轩', 'zixuan.deng', 'jiading-biomed-alliance', 'service_provider'],
  ['黄柏翰', 'pohan.huang', 'daxing-regen-park', 'staff'],
  ['葉欣妤', 'hsinyu.yeh', 'daxing-regen-park', 'member'],
  ['Michael Brown', 'michael.brown', 'daxing-regen-park', 'investor'],
];

/** Invitations still waiting for an answer. */
export const DEMO_OPEN_INVITATIONS: [string, Slug, MembershipRole][] = [
  ['bd@example-biotech.demo', 'china-medical-city', 'member'],
  ['partner@example-capital.demo', 'jiading-biomed-alliance', 'investor'],
];
