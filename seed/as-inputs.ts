// The seed's records as the mutations' inputs: the same classes, validators and specs an editor's
// createContract goes through, with references by global ID instead of by slug.
import { toGlobalId } from 'graphql-relay';
import { CitationInput, PartialDateInput } from '../src/schema/inputs/common';
import type { FieldValues } from '../src/schema/inputs/define-inputs';
import {
  OffshoreLocationInputs,
  PersonInputs,
  PersonRoleInputs,
  PublicBodyInputs,
  SupplierInputs,
  UnionInputs,
} from '../src/schema/inputs/parties';
import {
  ClaimInputs,
  ContractInputs,
  ContractSupplierInput,
  ContractUnionInput,
  EventInputs,
  OffshoringInputs,
  QuantityInputs,
  SourceInputs,
} from '../src/schema/inputs/records';
import type {
  CitationSeed,
  ClaimSeed,
  ContractSeed,
  EventSeed,
  OffshoreLocationSeed,
  OffshoringSeed,
  PartialDateSeed,
  PersonRoleSeed,
  PersonSeed,
  PublicBodySeed,
  QuantitySeed,
  SourceSeed,
  SupplierSeed,
  UnionSeed,
} from './types';

type TypeName = 'Source' | 'PublicBody' | 'Supplier' | 'Union' | 'OffshoreLocation' | 'Person' | 'Contract' | 'Offshoring';

/** The global ID each seeded record was given, by its seed key (a slug; a source's file name). */
export class SeedIds {
  private readonly ids = new Map<string, string>();

  add(type: TypeName, key: string, id: number): void {
    this.ids.set(`${type}:${key}`, toGlobalId(type, String(id)));
  }

  /** A reference the seed validator has already found in the seed: missing here means written out of order. */
  of(type: TypeName, key: string): string {
    const id = this.ids.get(`${type}:${key}`);
    if (id === undefined) throw new Error(`${type} "${key}" is referred to before it is written.`);
    return id;
  }

  optional(type: TypeName, key: string | undefined): string | undefined {
    return key === undefined ? undefined : this.of(type, key);
  }
}

/**
 * An input object as type-graphql hands it to a resolver: an instance of its class, nested inputs too, and a
 * field the seed leaves out keeps the class's default (as one left out of a mutation's input does).
 */
const input = <T extends object>(Type: new () => T, values: Partial<T> | FieldValues): T =>
  Object.assign(new Type(), Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)));

const dateOf = (d: PartialDateSeed | undefined) => (d === undefined ? undefined : input(PartialDateInput, d));

const citationsOf = (ids: SeedIds, list: CitationSeed[]) =>
  list.map((c) => input(CitationInput, { source: ids.of('Source', c.source), quote: c.quote, note: c.note }));

export const sourceInput = (s: SourceSeed, text: string | undefined) =>
  input(SourceInputs.Create, {
    slug: s.slug,
    title: s.title,
    kind: s.kind,
    fileName: s.fileName,
    publisher: s.publisher,
    summary: s.summary,
    date: dateOf(s.date),
    text,
  });

export const publicBodyInput = (ids: SeedIds, b: PublicBodySeed) =>
  input(PublicBodyInputs.Create, {
    slug: b.slug,
    name: b.name,
    aliases: b.aliases,
    kind: b.kind,
    sector: b.sector,
    parent: ids.optional('PublicBody', b.parent),
    description: b.description,
    citations: citationsOf(ids, b.citations),
  });

export const supplierInput = (ids: SeedIds, s: SupplierSeed) =>
  input(SupplierInputs.Create, {
    slug: s.slug,
    name: s.name,
    aliases: s.aliases,
    parent: ids.optional('Supplier', s.parent),
    homeCountry: s.homeCountry,
    description: s.description,
    citations: citationsOf(ids, s.citations),
  });

export const unionInput = (ids: SeedIds, u: UnionSeed) =>
  input(UnionInputs.Create, {
    slug: u.slug,
    name: u.name,
    acronym: u.acronym,
    aliases: u.aliases,
    description: u.description,
    citations: citationsOf(ids, u.citations),
  });

/** A figure and the record it belongs to (a union's share of a body's staff names the body too). */
export const quantityInput = (
  ids: SeedIds,
  q: QuantitySeed,
  owner: Partial<Record<'contract' | 'offshoring' | 'publicBody' | 'union', string>>,
) =>
  input(QuantityInputs.Create, {
    measure: q.measure,
    low: q.low,
    high: q.high,
    unit: q.unit,
    basis: q.basis,
    wording: q.wording,
    period: q.period,
    priceYear: q.priceYear,
    timeframe: q.timeframe,
    note: q.note,
    publicBody: ids.optional('PublicBody', q.publicBody),
    ...owner,
    citations: citationsOf(ids, q.citations),
  });

export const offshoreLocationInput = (ids: SeedIds, l: OffshoreLocationSeed) =>
  input(OffshoreLocationInputs.Create, {
    slug: l.slug,
    name: l.name,
    kind: l.kind,
    countryCode: l.countryCode,
    aliases: l.aliases,
    citations: citationsOf(ids, l.citations),
  });

export const personInput = (ids: SeedIds, p: PersonSeed) =>
  input(PersonInputs.Create, { slug: p.slug, name: p.name, aliases: p.aliases, citations: citationsOf(ids, p.citations) });

export const personRoleInput = (ids: SeedIds, person: string, r: PersonRoleSeed) =>
  input(PersonRoleInputs.Create, {
    person,
    title: r.title,
    publicBody: ids.optional('PublicBody', r.publicBody),
    union: ids.optional('Union', r.union),
    supplier: ids.optional('Supplier', r.supplier),
    citations: citationsOf(ids, r.citations),
  });

export const contractInput = (ids: SeedIds, c: ContractSeed) =>
  input(ContractInputs.Create, {
    slug: c.slug,
    title: c.title,
    description: c.description,
    status: c.status,
    startDate: dateOf(c.startDate),
    services: c.services,
    buyers: c.buyers.map((b) => ids.of('PublicBody', b)),
    suppliers: c.suppliers.map((s) => input(ContractSupplierInput, { supplier: ids.of('Supplier', s.supplier), role: s.role })),
    unions: c.unions.map((u) => input(ContractUnionInput, { union: ids.of('Union', u.union), role: u.role })),
    citations: citationsOf(ids, c.citations),
  });

export const offshoringInput = (ids: SeedIds, contract: string, o: OffshoringSeed) =>
  input(OffshoringInputs.Create, {
    slug: o.slug,
    contract,
    location: ids.of('OffshoreLocation', o.location),
    status: o.status,
    description: o.description,
    citations: citationsOf(ids, o.citations),
  });

export const claimInput = (ids: SeedIds, c: ClaimSeed) =>
  input(ClaimInputs.Create, {
    slug: c.slug,
    statement: c.statement,
    stance: c.stance,
    proposition: c.proposition,
    person: ids.optional('Person', c.claimant.person),
    union: ids.optional('Union', c.claimant.union),
    publicBody: ids.optional('PublicBody', c.claimant.publicBody),
    supplier: ids.optional('Supplier', c.claimant.supplier),
    claimantDescription: c.claimant.description,
    contract: ids.optional('Contract', c.contract),
    offshoring: ids.optional('Offshoring', c.offshoring),
    date: dateOf(c.date),
    citations: citationsOf(ids, c.citations),
  });

export const eventInput = (ids: SeedIds, e: EventSeed) =>
  input(EventInputs.Create, {
    slug: e.slug,
    kind: e.kind,
    title: e.title,
    description: e.description,
    date: dateOf(e.date),
    contract: ids.optional('Contract', e.contract),
    publicBody: ids.optional('PublicBody', e.publicBody),
    unions: e.unions.map((u) => ids.of('Union', u)),
    citations: citationsOf(ids, e.citations),
  });
