/**
 * Rows as the bulk INSERT reads them (column names of the tables, snake_case). Columns left
 * out take their defaults (created_at, version …).
 */
export interface OrganisationRow {
  id: string;
  kind: string;
  name_zh: string;
  name_en: string | null;
  short_name_zh: string | null;
  short_name_en: string | null;
  name_key: string;
  credit_code: string | null;
  founded_on: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  website: string | null;
  segments: string[];
  headcount_band: string | null;
  listing_status: string;
  stock_code: string | null;
  qualifications: string[];
  description_zh: string;
  description_en: string;
  investor_type: string | null;
  thesis_segments: string[];
  thesis_stages: string[];
  thesis_regions: string[];
  ticket_min_fen: number | null;
  ticket_max_fen: number | null;
  aum_fen: number | null;
  services: string[];
  steward_community_id: string | null;
}

export interface ProjectRow {
  id: string;
  name_zh: string;
  name_en: string | null;
  owner_organisation_id: string | null;
  community_id: string;
  segment: string;
  modality: string | null;
  indications: string[];
  track: string;
  stage: string;
  regulatory_status: string | null;
  patents: { number: string; title: string; status: string }[];
  team: { name: string; role: string; personId?: string }[];
  funding_sought_fen: number | null;
  funding_round: string | null;
  confidentiality: string;
  summary_zh: string;
  summary_en: string;
}

export interface PersonRow {
  id: string;
  name_zh: string;
  name_en: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  wechat_id: string | null;
  consent_to_contact: boolean;
  consent_at: string | null;
  consent_source: string | null;
  bio_zh: string;
  bio_en: string;
  user_id: string | null;
  steward_community_id: string | null;
}

export interface AffiliationRow {
  id: string;
  person_id: string;
  organisation_id: string;
  role: string;
  is_current: boolean;
}

export interface LinkRow {
  id: string;
  from_type: string;
  from_id: string;
  role: string;
  to_type: string;
  to_id: string;
  note: string;
  since: string | null;
}

export interface NamedInvestorRow {
  project_id: string;
  organisation_id: string;
}
