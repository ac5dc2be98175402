/**
 * The fixed vocabularies of the ecosystem directory. These are the values the code branches on
 * (kinds, confidentiality, link roles), so they are code, with CHECK constraints in the
 * database. Vocabularies that users extend (segments, qualifications, services, stages) are
 * data in `taxonomy_terms` instead.
 */

/** The three kinds of directory record. */
export const ENTITY_TYPES = ['organisation', 'person', 'project'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ORGANISATION_KINDS = [
  'enterprise',
  'investor',
  'guidance_fund',
  'state_financing',
  'university',
  'research_institute',
  'hospital',
  'service_provider',
  'government_agency',
  'park_operator',
  'association',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Kinds that carry an investment thesis. */
export const INVESTING_KINDS: readonly OrganisationKind[] = ['investor', 'guidance_fund', 'state_financing'];

export const INVESTOR_TYPES = ['vc', 'pe', 'cvc', 'angel', 'guidance_fund', 'state_financing'] as const;
export type InvestorType = (typeof INVESTOR_TYPES)[number];

export const HEADCOUNT_BANDS = ['1-9', '10-49', '50-99', '100-499', '500-999', '1000+'] as const;
export type HeadcountBand = (typeof HEADCOUNT_BANDS)[number];

export const LISTING_STATUSES = ['unlisted', 'listed', 'delisted'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/**
 * Who may see a project: everyone signed in; members of its home community; or only the
 * representatives of its owner and of the investors named on it.
 */
export const CONFIDENTIALITY_LEVELS = ['public', 'community', 'named_investors'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

/**
 * Development tracks: each has its own stages (taxonomy `stage`, grouped by track). Cell and
 * gene therapy (cgt) follows the drug pathway with its own manufacturing and long-term
 * follow-up stages.
 */
export const PROJECT_TRACKS = ['drug', 'device', 'ivd', 'cgt'] as const;
export type ProjectTrack = (typeof PROJECT_TRACKS)[number];

/**
 * NMPA medical device classes. Class I is filed (备案), not registered, and needs no clinical
 * evaluation, so a device project's lifecycle model depends on its class.
 */
export const DEVICE_CLASSES = ['I', 'II', 'III'] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

export const FUNDING_ROUNDS = ['seed', 'angel', 'pre_a', 'a', 'b', 'c', 'd_plus', 'pre_ipo', 'strategic', 'grant'] as const;
export type FundingRound = (typeof FUNDING_ROUNDS)[number];

/** Roles of a link between two records, read "from <role> to": A investor_of B. */
export const LINK_ROLES = ['investor_of', 'spun_out_of', 'licensee_of', 'partner_of', 'resident_of'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

/** What a link may point at: another record, or (for resident_of) a community. */
export const LINK_TARGET_TYPES = ['organisation', 'person', 'project', 'community'] as const;
export type LinkTargetType = (typeof LINK_TARGET_TYPES)[number];

/** Taxonomies kept as data (rows of taxonomy_terms). */
export const TAXONOMIES = ['segment', 'qualification', 'service', 'stage'] as const;
export type Taxonomy = (typeof TAXONOMIES)[number];

/** SQL list literal for CHECK constraints, from one of the arrays above. */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
}
