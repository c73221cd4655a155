import type { OrderDirection } from './enums';
import { OrderInput } from './order-input';

export enum ImpactOrderField {
  KEY = 'KEY',
  CONTRACT_COUNT = 'CONTRACT_COUNT',
  JOBS_AFFECTED = 'JOBS_AFFECTED',
  JOBS_AT_RISK = 'JOBS_AT_RISK',
  SAVINGS_PER_YEAR = 'SAVINGS_PER_YEAR',
  SAVINGS_TOTAL = 'SAVINGS_TOTAL',
  MONEY_LOST = 'MONEY_LOST',
  MEMBERS_REPRESENTED = 'MEMBERS_REPRESENTED',
}

export enum NameOrderField {
  NAME = 'NAME',
  SLUG = 'SLUG',
  CREATED = 'CREATED',
}
export enum SourceOrderField {
  TITLE = 'TITLE',
  FILE_NAME = 'FILE_NAME',
  SLUG = 'SLUG',
  CREATED = 'CREATED',
}
export enum ContractOrderField {
  TITLE = 'TITLE',
  SLUG = 'SLUG',
  STATUS = 'STATUS',
  START_DATE = 'START_DATE',
  CREATED = 'CREATED',
}
export enum ClaimOrderField {
  PROPOSITION = 'PROPOSITION',
  SLUG = 'SLUG',
  DATE = 'DATE',
  CREATED = 'CREATED',
}
export enum EventOrderField {
  DATE = 'DATE',
  TITLE = 'TITLE',
  SLUG = 'SLUG',
  CREATED = 'CREATED',
}

const name = { NAME: 'Name (case-insensitive).', SLUG: 'Slug.', CREATED: 'Order of creation.' };
const date = 'Date, earliest first; unknown parts sort after known ones.';

export const PublicBodyOrder = OrderInput('PublicBody', { ...NameOrderField }, NameOrderField.NAME, name);
export const SupplierOrder = OrderInput('Supplier', { ...NameOrderField }, NameOrderField.NAME, name);
export const UnionOrder = OrderInput('Union', { ...NameOrderField }, NameOrderField.NAME, name);
export const OffshoreLocationOrder = OrderInput('OffshoreLocation', { ...NameOrderField }, NameOrderField.NAME, name);
export const PersonOrder = OrderInput('Person', { ...NameOrderField }, NameOrderField.NAME, name);
export const SourceOrder = OrderInput('Source', SourceOrderField, SourceOrderField.TITLE, {
  TITLE: 'Title (case-insensitive).',
  FILE_NAME: 'File name.',
  SLUG: 'Slug.',
  CREATED: 'Order of creation.',
});
export const ContractOrder = OrderInput('Contract', ContractOrderField, ContractOrderField.TITLE, {
  TITLE: 'Title (case-insensitive).',
  SLUG: 'Slug.',
  STATUS: 'Status name.',
  START_DATE: date,
  CREATED: 'Order of creation.',
});
export const ClaimOrder = OrderInput('Claim', ClaimOrderField, ClaimOrderField.PROPOSITION, {
  PROPOSITION: 'Proposition, so both sides of a question sit together.',
  SLUG: 'Slug.',
  DATE: date,
  CREATED: 'Order of creation.',
});
export const EventOrder = OrderInput('Event', EventOrderField, EventOrderField.DATE, {
  DATE: date,
  TITLE: 'Title (case-insensitive).',
  SLUG: 'Slug.',
  CREATED: 'Order of creation.',
});

export type OrderOf<F> = { field: F; direction: OrderDirection };

export const ImpactOrder = OrderInput(
  'Impact',
  ImpactOrderField,
  ImpactOrderField.KEY,
  {
    KEY: 'The group keys (null, "none", last).',
    CONTRACT_COUNT: 'Number of contracts.',
    JOBS_AFFECTED: 'Jobs affected.',
    JOBS_AT_RISK: 'Jobs at risk of offshoring (planned, alleged or confirmed).',
    SAVINGS_PER_YEAR: 'Savings claimed per year.',
    SAVINGS_TOTAL: 'Savings claimed as totals.',
    MONEY_LOST: 'Money lost.',
    MEMBERS_REPRESENTED: "Union members among the buyers' staff.",
  },
  'What to sort roll-up groups by. Ranges sort by their lower bound, then their upper bound (open-ended highest); ties keep key order.',
);
