import { registerEnumType } from 'type-graphql';

export enum PublicBodyKind {
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  LOCAL_AUTHORITY_GROUP = 'LOCAL_AUTHORITY_GROUP',
  CENTRAL_GOVERNMENT_DEPARTMENT = 'CENTRAL_GOVERNMENT_DEPARTMENT',
  NATIONAL_GOVERNMENT = 'NATIONAL_GOVERNMENT',
  PUBLIC_AGENCY = 'PUBLIC_AGENCY',
  REGULATOR = 'REGULATOR',
  UNCLASSIFIED = 'UNCLASSIFIED',
}

export enum Sector {
  LOCAL_GOVERNMENT = 'LOCAL_GOVERNMENT',
  CENTRAL_GOVERNMENT = 'CENTRAL_GOVERNMENT',
  UNKNOWN = 'UNKNOWN',
}

export enum ContractStatus {
  PROPOSED = 'PROPOSED',
  POSTPONED = 'POSTPONED',
  IN_CONSULTATION = 'IN_CONSULTATION',
  AWARDED = 'AWARDED',
  TRANSFERRED = 'TRANSFERRED',
  FAILED = 'FAILED',
  ABANDONED = 'ABANDONED',
}

export enum Service {
  BACK_OFFICE = 'BACK_OFFICE',
  SHARED_SERVICES = 'SHARED_SERVICES',
  BILLING = 'BILLING',
  INVOICE_PROCESSING = 'INVOICE_PROCESSING',
  FINANCE = 'FINANCE',
  HR = 'HR',
  IT = 'IT',
  CALL_CENTRES = 'CALL_CENTRES',
  BENEFIT_PROCESSING = 'BENEFIT_PROCESSING',
}

export enum SupplierRole {
  PROPOSED_PROVIDER = 'PROPOSED_PROVIDER',
  PROVIDER = 'PROVIDER',
}

export enum UnionRole {
  REPRESENTS_STAFF = 'REPRESENTS_STAFF',
  CAMPAIGNS_AGAINST = 'CAMPAIGNS_AGAINST',
}

/** A supplier's part when no one says otherwise: inputs, links and the importer all take it from here. */
export const DEFAULT_SUPPLIER_ROLE = SupplierRole.PROVIDER;
/** A union's part when no one says otherwise. */
export const DEFAULT_UNION_ROLE = UnionRole.REPRESENTS_STAFF;

export enum OffshoringStatus {
  PLANNED = 'PLANNED',
  ALLEGED = 'ALLEGED',
  DENIED = 'DENIED',
  CONFIRMED = 'CONFIRMED',
}

export enum LocationKind {
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
}

export enum Stance {
  ASSERTS = 'ASSERTS',
  DENIES = 'DENIES',
}

export enum EventKind {
  MEETING = 'MEETING',
  DECISION = 'DECISION',
  DECISION_POSTPONED = 'DECISION_POSTPONED',
  CONSULTATION_OPENED = 'CONSULTATION_OPENED',
  REPORT_PUBLISHED = 'REPORT_PUBLISHED',
  ANNOUNCEMENT = 'ANNOUNCEMENT',
  TRANSFER = 'TRANSFER',
  STRIKE = 'STRIKE',
  AGREEMENT = 'AGREEMENT',
  MOTION_CARRIED = 'MOTION_CARRIED',
  CAMPAIGN = 'CAMPAIGN',
  FAILURE = 'FAILURE',
  AWARD = 'AWARD',
}

export enum SourceKind {
  NEWS_REPORT = 'NEWS_REPORT',
  UNION_MOTION = 'UNION_MOTION',
  CAMPAIGN_PAGE = 'CAMPAIGN_PAGE',
  OFFICIAL_DOCUMENT = 'OFFICIAL_DOCUMENT',
  DATASET = 'DATASET',
}

export enum Measure {
  JOBS_AFFECTED = 'JOBS_AFFECTED',
  JOBS_OFFSHORED = 'JOBS_OFFSHORED',
  JOB_CUTS = 'JOB_CUTS',
  SAVINGS_CLAIMED = 'SAVINGS_CLAIMED',
  MONEY_LOST = 'MONEY_LOST',
  STAFF_COUNT = 'STAFF_COUNT',
  MEMBERSHIP = 'MEMBERSHIP',
  MEMBERS_SHARE_OF_STAFF = 'MEMBERS_SHARE_OF_STAFF',
  CONTRACT_VALUE = 'CONTRACT_VALUE',
}

export enum Unit {
  JOBS = 'JOBS',
  PEOPLE = 'PEOPLE',
  GBP = 'GBP',
  PERCENT = 'PERCENT',
}

export enum Basis {
  EXACT = 'EXACT',
  APPROXIMATE = 'APPROXIMATE',
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
  RANGE = 'RANGE',
  ORDER_OF_MAGNITUDE = 'ORDER_OF_MAGNITUDE',
}

export enum Period {
  TOTAL = 'TOTAL',
  PER_YEAR = 'PER_YEAR',
}

export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
  NONE = 'NONE',
}

export enum SubjectType {
  SOURCE = 'SOURCE',
  PUBLIC_BODY = 'PUBLIC_BODY',
  SUPPLIER = 'SUPPLIER',
  UNION = 'UNION',
  OFFSHORE_LOCATION = 'OFFSHORE_LOCATION',
  PERSON = 'PERSON',
  PERSON_ROLE = 'PERSON_ROLE',
  CONTRACT = 'CONTRACT',
  OFFSHORING = 'OFFSHORING',
  QUANTITY = 'QUANTITY',
  CLAIM = 'CLAIM',
  EVENT = 'EVENT',
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(PublicBodyKind, {
  name: 'PublicBodyKind',
  description: 'What kind of public body this is.',
  valuesConfig: {
    LOCAL_AUTHORITY: { description: 'A county, district, borough or unitary council.' },
    LOCAL_AUTHORITY_GROUP: { description: 'Several local authorities spoken of together (e.g. "London local authorities").' },
    CENTRAL_GOVERNMENT_DEPARTMENT: { description: 'A ministerial department of the UK government (DWP, DfT, MoJ …).' },
    NATIONAL_GOVERNMENT: { description: 'A national government as a whole, acting as employer or policy maker.' },
    PUBLIC_AGENCY: { description: "An arm's-length public body that is not a department (e.g. the Audit Commission)." },
    REGULATOR: { description: 'A statutory regulator or commissioner.' },
    UNCLASSIFIED: { description: 'Not yet classified: created by an import from procurement data.' },
  },
});

registerEnumType(Sector, {
  name: 'Sector',
  description: 'The tier of government a public body belongs to.',
  valuesConfig: {
    LOCAL_GOVERNMENT: { description: 'Local government: councils and their groupings.' },
    CENTRAL_GOVERNMENT: { description: 'Central government: departments, agencies and national bodies.' },
    UNKNOWN: { description: 'Not yet known: created by an import from procurement data, which does not say.' },
  },
});

registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description: 'Where an outsourcing arrangement stands, as last reported by the sources.',
  valuesConfig: {
    PROPOSED: { description: 'Proposed, recommended or threatened; no decision reported.' },
    POSTPONED: { description: 'A decision was due and has been put off.' },
    IN_CONSULTATION: { description: 'A formal consultation with staff and unions is under way.' },
    AWARDED: { description: 'Decided or announced, with a provider named; work not yet reported as moved.' },
    TRANSFERRED: { description: 'Staff or work have been transferred to the provider.' },
    FAILED: { description: 'The provider failed to deliver.' },
    ABANDONED: { description: 'The plan was dropped.' },
  },
});

registerEnumType(Service, {
  name: 'Service',
  description: 'A kind of work moved or proposed to be moved to a provider.',
  valuesConfig: {
    BACK_OFFICE: { description: '"Back office" work in general.' },
    SHARED_SERVICES: { description: 'Corporate services run from a shared service centre.' },
    BILLING: { description: 'Billing.' },
    INVOICE_PROCESSING: { description: 'Invoice processing and settling invoices.' },
    FINANCE: { description: 'Finance.' },
    HR: { description: 'Human resources.' },
    IT: { description: 'Information technology, including building IT platforms.' },
    CALL_CENTRES: { description: 'Call centres and contact centres.' },
    BENEFIT_PROCESSING: { description: 'Processing of benefit claims (e.g. housing benefit).' },
  },
});

registerEnumType(SupplierRole, {
  name: 'SupplierRole',
  description: 'How a supplier takes part in a contract.',
  valuesConfig: {
    PROPOSED_PROVIDER: { description: 'Named as the intended or bidding provider; nothing decided.' },
    PROVIDER: { description: 'The provider the work was awarded or transferred to.' },
  },
});

registerEnumType(UnionRole, {
  name: 'UnionRole',
  description: 'How a trade union is involved in a contract.',
  valuesConfig: {
    REPRESENTS_STAFF: { description: 'Represents staff whose work the contract moves.' },
    CAMPAIGNS_AGAINST: { description: 'Campaigns against the contract without being reported as representing its staff.' },
  },
});

registerEnumType(OffshoringStatus, {
  name: 'OffshoringStatus',
  description: "What a party says about moving a contract's work to an offshore location.",
  valuesConfig: {
    PLANNED: { description: 'Reported as a plan or proposal under consideration.' },
    ALLEGED: { description: 'Said by a party (often a union) to be possible or intended, not acknowledged by the buyer.' },
    DENIED: { description: 'Denied by a party (usually the buyer).' },
    CONFIRMED: { description: 'Reported as having happened or acknowledged by the buyer or supplier.' },
  },
});

registerEnumType(LocationKind, {
  name: 'LocationKind',
  description: 'Whether an offshore location is a country or a wider region.',
  valuesConfig: {
    COUNTRY: { description: 'A country, with its ISO 3166-1 alpha-2 code.' },
    REGION: { description: 'A region spanning countries (e.g. "eastern Europe"); no ISO code.' },
  },
});

registerEnumType(Stance, {
  name: 'Stance',
  description: 'Whether a claim asserts or denies its proposition.',
  valuesConfig: {
    ASSERTS: { description: 'The claimant says the proposition is true.' },
    DENIES: { description: 'The claimant says the proposition is false.' },
  },
});

registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'What happened at a point on a timeline.',
  valuesConfig: {
    MEETING: { description: 'A meeting was held or arranged.' },
    DECISION: { description: 'A decision was taken.' },
    DECISION_POSTPONED: { description: 'A decision was put off.' },
    CONSULTATION_OPENED: { description: 'A consultation with staff and unions was started.' },
    REPORT_PUBLISHED: { description: 'A report or document was issued or leaked.' },
    ANNOUNCEMENT: { description: 'A body announced a plan.' },
    TRANSFER: { description: 'Staff or work were transferred to a provider.' },
    STRIKE: { description: 'Industrial action: a strike or walk-out.' },
    AGREEMENT: { description: 'An agreement was won or made (e.g. protection against redundancy).' },
    MOTION_CARRIED: { description: 'A union conference carried a motion.' },
    CAMPAIGN: { description: 'A campaign or call to action was launched.' },
    FAILURE: { description: 'A provider failed to deliver.' },
    AWARD: { description: 'A contract was awarded (from procurement data).' },
  },
});

registerEnumType(SourceKind, {
  name: 'SourceKind',
  description: 'What kind of document a source is.',
  valuesConfig: {
    NEWS_REPORT: { description: 'A news report.' },
    UNION_MOTION: { description: 'A motion from a trade-union conference.' },
    CAMPAIGN_PAGE: { description: 'A campaign page published by a union or other organisation.' },
    OFFICIAL_DOCUMENT: { description: 'A document published by a public body.' },
    DATASET: { description: 'A published dataset such as an OCDS release package.' },
  },
});

registerEnumType(Measure, {
  name: 'Measure',
  description: 'What a figure measures.',
  valuesConfig: {
    JOBS_AFFECTED: { description: 'Jobs transferred, cut or otherwise affected by a contract.' },
    JOBS_OFFSHORED: { description: 'Jobs said to move (or be at risk of moving) abroad.' },
    JOB_CUTS: { description: 'Jobs to be cut.' },
    SAVINGS_CLAIMED: { description: 'Savings claimed for a contract, in money.' },
    MONEY_LOST: { description: 'Money lost, wasted or overspent.' },
    STAFF_COUNT: { description: 'Staff employed by a public body.' },
    MEMBERSHIP: { description: 'Members of a trade union.' },
    MEMBERS_SHARE_OF_STAFF: { description: "Share of a public body's staff who are members of a union (percent)." },
    CONTRACT_VALUE: { description: 'The value of a contract or award, as published (procurement data).' },
  },
});

registerEnumType(Unit, {
  name: 'Unit',
  description: 'The unit of a figure.',
  valuesConfig: {
    JOBS: { description: 'Jobs (posts).' },
    PEOPLE: { description: 'People (staff, members).' },
    GBP: { description: 'Pounds sterling, in the prices of `priceYear` when known.' },
    PERCENT: { description: 'Percent (0–100).' },
  },
});

registerEnumType(Basis, {
  name: 'Basis',
  description: 'How exact a figure is, as the source words it.',
  valuesConfig: {
    EXACT: { description: 'A single number stated as it is ("120,000 staff").' },
    APPROXIMATE: { description: 'A single rounded number ("1.4m-strong"): low = high = the stated value.' },
    AT_LEAST: { description: 'A floor ("at least £1 million"): high is null, open-ended.' },
    AT_MOST: { description: 'A ceiling ("up to £1million"): low is 0.' },
    RANGE: { description: 'Two stated bounds ("between £120 million and £200m").' },
    ORDER_OF_MAGNITUDE: { description: 'A word for a magnitude ("hundreds", "tens of thousands"), kept as the range the word allows.' },
  },
});

registerEnumType(Period, {
  name: 'Period',
  description: 'Whether a money figure is a total or a yearly amount.',
  valuesConfig: {
    TOTAL: { description: 'A one-off or cumulative amount.' },
    PER_YEAR: { description: 'An amount each year.' },
  },
});

registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'The finest part of a date that the source states.',
  valuesConfig: {
    DAY: { description: 'The day of the month is known (the year may still be unknown).' },
    MONTH: { description: 'The month is known, not the day.' },
    YEAR: { description: 'Only the year is known.' },
    NONE: { description: 'No calendar part is known; only the source\'s wording ("Tuesday", "last week").' },
  },
});

registerEnumType(SubjectType, {
  name: 'SubjectType',
  description: 'The kind of record a citation backs.',
  valuesConfig: {
    SOURCE: { description: 'A source document itself (e.g. its date or publisher).' },
    PUBLIC_BODY: { description: 'A public body.' },
    SUPPLIER: { description: 'A supplier.' },
    UNION: { description: 'A trade union.' },
    OFFSHORE_LOCATION: { description: 'An offshore location.' },
    PERSON: { description: 'A person.' },
    PERSON_ROLE: { description: 'A role a person holds.' },
    CONTRACT: { description: 'A contract: its existence, parties, services and status.' },
    OFFSHORING: { description: 'An offshoring entry.' },
    QUANTITY: { description: 'A figure.' },
    CLAIM: { description: 'A claim.' },
    EVENT: { description: 'An event.' },
  },
});

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: {
    ASC: { description: 'Ascending: A to Z, smallest first.' },
    DESC: { description: 'Descending: Z to A, largest first.' },
  },
});

export enum Role {
  EDITOR = 'editor',
  ADMIN = 'admin',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What an API key may do.',
  valuesConfig: {
    EDITOR: { description: 'Create, update, link and unlink records.' },
    ADMIN: { description: 'All an editor may, and archive records, manage keys and read the audit log.' },
  },
});

export enum MatchMethod {
  IDENTIFIER = 'IDENTIFIER',
  NAME = 'NAME',
  ALIAS = 'ALIAS',
  CREATED = 'CREATED',
}

registerEnumType(MatchMethod, {
  name: 'MatchMethod',
  description: 'How an imported party was matched to a body or supplier of the atlas.',
  valuesConfig: {
    IDENTIFIER: { description: 'By its identifier (scheme and id), matched before.' },
    NAME: { description: "By its normalised name against the record's name." },
    ALIAS: { description: "By its normalised name against one of the record's aliases." },
    CREATED: { description: 'No record matched, so one was created from it.' },
  },
});

export enum MatchedType {
  PUBLIC_BODY = 'PUBLIC_BODY',
  SUPPLIER = 'SUPPLIER',
}

registerEnumType(MatchedType, {
  name: 'MatchedType',
  description: 'Which kind of record an imported party became.',
  valuesConfig: { PUBLIC_BODY: { description: 'A buyer: a PublicBody.' }, SUPPLIER: { description: 'A winning supplier: a Supplier.' } },
});

export enum ImpactDimension {
  CONTRACT = 'CONTRACT',
  PUBLIC_BODY = 'PUBLIC_BODY',
  SECTOR = 'SECTOR',
  SUPPLIER = 'SUPPLIER',
  SUPPLIER_COUNTRY = 'SUPPLIER_COUNTRY',
  OFFSHORE_LOCATION = 'OFFSHORE_LOCATION',
  OFFSHORING_STATUS = 'OFFSHORING_STATUS',
  UNION = 'UNION',
  SERVICE = 'SERVICE',
  STATUS = 'STATUS',
  YEAR = 'YEAR',
}

registerEnumType(ImpactDimension, {
  name: 'ImpactDimension',
  description:
    'What to group contracts by. A contract with several values of a dimension (two buyers, two locations) is in each of their groups; one with none is in the group whose key is null.',
  valuesConfig: {
    CONTRACT: { description: 'Each contract on its own: a per-contract table of the same measures.' },
    PUBLIC_BODY: { description: 'Each buyer.' },
    SECTOR: { description: 'The sector of each buyer (local or central government).' },
    SUPPLIER: { description: 'Each supplier.' },
    SUPPLIER_COUNTRY: { description: 'The home country of each supplier (null when no supplier or no known country).' },
    OFFSHORE_LOCATION: {
      description: "Each location the contract has an offshoring entry for; offshored jobs count only that location's entries.",
    },
    OFFSHORING_STATUS: {
      description: 'Each offshoring status the contract has an entry with; offshored jobs count only entries of that status.',
    },
    UNION: { description: 'Each union involved; members represented count only that union.' },
    SERVICE: { description: 'Each service moved.' },
    STATUS: { description: "The contract's status (one per contract)." },
    YEAR: {
      description:
        "The year of the contract's start date, else of its earliest dated event (one per contract; null when the sources give none).",
    },
  },
});
