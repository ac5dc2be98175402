import type { InvestorType, OrganisationKind } from '../../src/domain/directory';

export type Slug = 'china-medical-city' | 'taizhou-shanghai-centre' | 'jiading-biomed-alliance' | 'daxing-regen-park';

/**
 * A hand-written organisation of the demo. `real` marks public institutions named by their
 * real names: they carry only public facts (no credit code, no invented figures, projects,
 * people or deals). Everything else is invented.
 */
export interface CuratedOrganisation {
  key: string;
  /** The community that added the record (its steward). */
  community: Slug;
  /** Communities it is resident of (resident_of links). */
  residentOf?: Slug[];
  real?: boolean;
  kind: OrganisationKind;
  nameZh: string;
  nameEn: string;
  shortNameZh?: string;
  shortNameEn?: string;
  province: string;
  city: string;
  district?: string;
  address?: string;
  website?: string;
  /** Division code for the invented credit code (real institutions have none here). */
  division?: string;
  foundedOn?: string;
  segments?: string[];
  qualifications?: string[];
  services?: string[];
  headcountBand?: string;
  descriptionZh: string;
  descriptionEn: string;
  investorType?: InvestorType;
  thesisSegments?: string[];
  thesisStages?: string[];
  thesisRegions?: string[];
  /** 万元 */
  ticketMinWan?: number;
  ticketMaxWan?: number;
  /** 亿元 */
  aumYi?: number;
}

export interface CuratedProject {
  owner: string;
  community: Slug;
  nameZh: string;
  nameEn: string;
  segment: string;
  modality: string;
  indications: string[];
  track: 'drug' | 'device' | 'ivd';
  stage: string;
  regulatoryStatus?: string;
  /** 万元 */
  fundingWan?: number;
  fundingRound?: string;
  confidentiality: 'public' | 'community' | 'named_investors';
  /** Keys of investing organisations named on a named_investors project. */
  namedInvestors?: string[];
  summaryZh: string;
  summaryEn: string;
  patents?: { number: string; title: string; status: string }[];
}

export interface CuratedPerson {
  key: string;
  community: Slug;
  nameZh: string;
  nameEn: string;
  /** Affiliations: organisation key and role. The first is current and gives the title. */
  at: [org: string, role: string, current?: boolean][];
  /** A demo account this person is (their user record). */
  account?: string;
  consent?: { at: string; source: string };
  email?: string;
  phone?: string;
  wechatId?: string;
  bioZh: string;
  bioEn: string;
}
