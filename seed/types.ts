// The shape of the JSON files in seed/data/. References between records are by slug;
// every citation names its source document by file name and quotes it verbatim.
import type {
  Basis,
  ContractStatus,
  EventKind,
  LocationKind,
  Measure,
  OffshoringStatus,
  Period,
  PublicBodyKind,
  Sector,
  Service,
  SourceKind,
  Stance,
  SupplierRole,
  UnionRole,
  Unit,
} from '../src/schema/enums';

export interface CitationSeed {
  /** File name in ../shared/sources, e.g. "000_43ccdcdf681d1750.txt". */
  source: string;
  /** A short verbatim quote from that file (whitespace may differ, nothing else). */
  quote: string;
  /** Optional: why this quote supports the record, when it is not obvious. */
  note?: string;
}

export interface PartialDateSeed {
  year?: number;
  month?: number;
  day?: number;
  /** The source's own wording: "Tuesday", "June 2013", "November 13", "until January". */
  wording: string;
}

export interface QuantitySeed {
  measure: `${Measure}`;
  low: number;
  /** null for an open-ended figure ("at least …"). */
  high: number | null;
  unit: `${Unit}`;
  basis: `${Basis}`;
  /** The source's own words for the figure: "hundreds of jobs". */
  wording: string;
  period?: `${Period}`;
  /** Price base year for money, only when the source states it. */
  priceYear?: number;
  /** The time frame the source gives: "by 2008/09", "a year". */
  timeframe?: string;
  /** For MEMBERS_SHARE_OF_STAFF on a union: the body whose staff. */
  publicBody?: string;
  note?: string;
  citations: CitationSeed[];
}

export interface SourceSeed {
  slug: string;
  fileName: string;
  title: string;
  kind: `${SourceKind}`;
  publisher?: string;
  summary: string;
  date?: PartialDateSeed;
}

export interface PublicBodySeed {
  slug: string;
  name: string;
  aliases: string[];
  kind: `${PublicBodyKind}`;
  sector: `${Sector}`;
  parent?: string;
  description?: string;
  quantities?: QuantitySeed[];
  citations: CitationSeed[];
}

export interface SupplierSeed {
  slug: string;
  name: string;
  aliases: string[];
  parent?: string;
  /** ISO 3166-1 alpha-2, only when the sources support it. */
  homeCountry?: string;
  description?: string;
  citations: CitationSeed[];
}

export interface UnionSeed {
  slug: string;
  name: string;
  acronym?: string;
  aliases: string[];
  description?: string;
  quantities?: QuantitySeed[];
  citations: CitationSeed[];
}

export interface OffshoreLocationSeed {
  slug: string;
  name: string;
  kind: `${LocationKind}`;
  countryCode?: string;
  aliases: string[];
  citations: CitationSeed[];
}

export interface PersonRoleSeed {
  title: string;
  publicBody?: string;
  union?: string;
  supplier?: string;
  citations: CitationSeed[];
}

export interface PersonSeed {
  slug: string;
  name: string;
  aliases: string[];
  roles: PersonRoleSeed[];
  citations: CitationSeed[];
}

export interface OffshoringSeed {
  slug: string;
  location: string;
  status: `${OffshoringStatus}`;
  description: string;
  quantities?: QuantitySeed[];
  citations: CitationSeed[];
}

export interface ContractSeed {
  slug: string;
  title: string;
  description: string;
  status: `${ContractStatus}`;
  services: `${Service}`[];
  buyers: string[];
  suppliers: { supplier: string; role: `${SupplierRole}` }[];
  unions: { union: string; role: `${UnionRole}` }[];
  /** When the work moved or the arrangement began, if the sources say. */
  startDate?: PartialDateSeed;
  quantities?: QuantitySeed[];
  offshoring?: OffshoringSeed[];
  citations: CitationSeed[];
}

export interface ClaimantSeed {
  person?: string;
  union?: string;
  publicBody?: string;
  supplier?: string;
  /** Who, in words, when no named party fits: "a council spokesman". */
  description?: string;
}

export interface ClaimSeed {
  slug: string;
  statement: string;
  stance: `${Stance}`;
  /** Claims with the same proposition are the sides of one question. */
  proposition: string;
  claimant: ClaimantSeed;
  contract?: string;
  /** Slug of an offshoring entry the claim backs. */
  offshoring?: string;
  date?: PartialDateSeed;
  citations: CitationSeed[];
}

export interface EventSeed {
  slug: string;
  kind: `${EventKind}`;
  title: string;
  description?: string;
  /** Omitted when the sources give no time at all. */
  date?: PartialDateSeed;
  contract?: string;
  publicBody?: string;
  unions: string[];
  citations: CitationSeed[];
}

export interface SeedData {
  sources: SourceSeed[];
  publicBodies: PublicBodySeed[];
  suppliers: SupplierSeed[];
  unions: UnionSeed[];
  offshoreLocations: OffshoreLocationSeed[];
  people: PersonSeed[];
  contracts: ContractSeed[];
  claims: ClaimSeed[];
  events: EventSeed[];
}
