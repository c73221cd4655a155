import DataLoader from 'dataloader';
import { type DataSource, type FindOptionsWhere, In } from 'typeorm';
import {
  Citation,
  Claim,
  Contract,
  ContractBuyer,
  ContractClassification,
  ContractService,
  ContractSupplier,
  ContractUnion,
  Event,
  EventUnion,
  OcdsRelease,
  OffshoreLocation,
  Offshoring,
  Person,
  PersonRole,
  PublicBody,
  Quantity,
  Source,
  Supplier,
  Union,
} from '../entities';
import { MatchedType } from '../schema/enums';
import type { Service } from '../schema/enums';
import { BATCH, byColumnLoader, byIdLoader, joinRowsLoader, throughLoader } from './batch';
import { groupBy } from '../util/group-by';
import { citationsBySubjectLoader } from './citations';
import { contractPagesLoader } from './contract-pages';
import { entityImpactLoader } from './impact';
import type { RollupCache } from '../services/impact/rollup-cache';
import { matchesOf } from './matches';

type IdLoaders<T> = { [K in keyof T]: DataLoader<number, T[K] | null> };

function bySlug<E extends { id: number; slug: string }>(ds: DataSource, entity: new () => E, byId: DataLoader<number, E | null>) {
  return new DataLoader<string, E | null>(async (slugs) => {
    const rows = await ds.getRepository(entity).find({ where: { slug: In([...slugs]) } as FindOptionsWhere<E>, withDeleted: true });
    rows.forEach((row) => byId.prime(row.id, row));
    const map = new Map(rows.map((row) => [row.slug, row]));
    return slugs.map((slug) => map.get(slug) ?? null);
  }, BATCH);
}

/** Loaders that others are built on: a record by its slug is primed into its loader by id. */
const BASE = {
  publicBody: (ds: DataSource) => byIdLoader(ds, PublicBody),
  supplier: (ds: DataSource) => byIdLoader(ds, Supplier),
  union: (ds: DataSource) => byIdLoader(ds, Union),
  contract: (ds: DataSource) => byIdLoader(ds, Contract),
  event: (ds: DataSource) => byIdLoader(ds, Event),
  source: (ds: DataSource) => byIdLoader(ds, Source),
  offshoreLocation: (ds: DataSource) => byIdLoader(ds, OffshoreLocation),
  person: (ds: DataSource) => byIdLoader(ds, Person),
};
type Base = IdLoaders<{
  publicBody: PublicBody;
  supplier: Supplier;
  union: Union;
  contract: Contract;
  event: Event;
  source: Source;
  offshoreLocation: OffshoreLocation;
  person: Person;
}>;

const DERIVED = {
  personRole: (ds: DataSource) => byIdLoader(ds, PersonRole),
  offshoring: (ds: DataSource) => byIdLoader(ds, Offshoring),
  quantity: (ds: DataSource) => byIdLoader(ds, Quantity),
  claim: (ds: DataSource) => byIdLoader(ds, Claim),
  citation: (ds: DataSource) => byIdLoader(ds, Citation),

  publicBodyBySlug: (ds: DataSource, _: RollupCache, l: Base) => bySlug(ds, PublicBody, l.publicBody),
  supplierBySlug: (ds: DataSource, _: RollupCache, l: Base) => bySlug(ds, Supplier, l.supplier),
  unionBySlug: (ds: DataSource, _: RollupCache, l: Base) => bySlug(ds, Union, l.union),
  contractBySlug: (ds: DataSource, _: RollupCache, l: Base) => bySlug(ds, Contract, l.contract),
  sourceBySlug: (ds: DataSource, _: RollupCache, l: Base) => bySlug(ds, Source, l.source),
  offshoreLocationBySlug: (ds: DataSource, _: RollupCache, l: Base) => bySlug(ds, OffshoreLocation, l.offshoreLocation),

  childBodies: (ds: DataSource) => byColumnLoader(ds, PublicBody, 'parentId'),
  subsidiaries: (ds: DataSource) => byColumnLoader(ds, Supplier, 'parentId'),

  buyersOfContract: (ds: DataSource, _: RollupCache, l: Base) =>
    throughLoader(joinRowsLoader(ds, ContractBuyer, 'contractId', 'publicBodyId'), 'publicBodyId', l.publicBody),
  supplierLinksOfContract: (ds: DataSource) => joinRowsLoader(ds, ContractSupplier, 'contractId', 'supplierId'),
  unionLinksOfContract: (ds: DataSource) => joinRowsLoader(ds, ContractUnion, 'contractId', 'unionId'),
  servicesOfContract: (ds: DataSource) =>
    new DataLoader<number, Service[]>(async (ids) => {
      const rows = await ds.getRepository(ContractService).find({ where: { contractId: In([...ids]) }, order: { service: 'ASC' } });
      const groups = groupBy(rows, (row) => row.contractId);
      return ids.map((id) => (groups.get(id) ?? []).map((row) => row.service));
    }, BATCH),
  contractPages: (ds: DataSource, _: RollupCache, l: Base) => contractPagesLoader(ds, l.contract),
  classificationsOfContract: (ds: DataSource) => joinRowsLoader(ds, ContractClassification, 'contractId', 'code'),
  releasesOfContract: (ds: DataSource) => byColumnLoader(ds, OcdsRelease, 'contractId'),
  matchesOfPublicBody: (ds: DataSource) => matchesOf(ds, MatchedType.PUBLIC_BODY),
  matchesOfSupplier: (ds: DataSource) => matchesOf(ds, MatchedType.SUPPLIER),

  offshoringsOfContract: (ds: DataSource) => byColumnLoader(ds, Offshoring, 'contractId'),
  offshoringsOfLocation: (ds: DataSource) => byColumnLoader(ds, Offshoring, 'locationId'),

  quantitiesOfContract: (ds: DataSource) => byColumnLoader(ds, Quantity, 'contractId'),
  quantitiesOfOffshoring: (ds: DataSource) => byColumnLoader(ds, Quantity, 'offshoringId'),
  quantitiesOfPublicBody: (ds: DataSource) => byColumnLoader(ds, Quantity, 'publicBodyId'),
  quantitiesOfUnion: (ds: DataSource) => byColumnLoader(ds, Quantity, 'unionId'),

  claimsOfContract: (ds: DataSource) => byColumnLoader(ds, Claim, 'contractId'),
  claimsOfOffshoring: (ds: DataSource) => byColumnLoader(ds, Claim, 'offshoringId'),
  claimsOfPerson: (ds: DataSource) => byColumnLoader(ds, Claim, 'personId'),
  claimsOfUnion: (ds: DataSource) => byColumnLoader(ds, Claim, 'unionId'),
  claimsOfPublicBody: (ds: DataSource) => byColumnLoader(ds, Claim, 'publicBodyId'),
  claimsOfSupplier: (ds: DataSource) => byColumnLoader(ds, Claim, 'supplierId'),
  claimsOfProposition: (ds: DataSource) => byColumnLoader<Claim, string>(ds, Claim, 'proposition'),

  eventsOfContract: (ds: DataSource) => byColumnLoader(ds, Event, 'contractId'),
  eventsOfPublicBody: (ds: DataSource) => byColumnLoader(ds, Event, 'publicBodyId'),
  unionsOfEvent: (ds: DataSource, _: RollupCache, l: Base) =>
    throughLoader(joinRowsLoader(ds, EventUnion, 'eventId', 'unionId'), 'unionId', l.union),
  eventsOfUnion: (ds: DataSource, _: RollupCache, l: Base) =>
    throughLoader(joinRowsLoader(ds, EventUnion, 'unionId', 'eventId'), 'eventId', l.event),

  rolesOfPerson: (ds: DataSource) => byColumnLoader(ds, PersonRole, 'personId'),
  rolesInPublicBody: (ds: DataSource) => byColumnLoader(ds, PersonRole, 'publicBodyId'),
  rolesInUnion: (ds: DataSource) => byColumnLoader(ds, PersonRole, 'unionId'),
  rolesInSupplier: (ds: DataSource) => byColumnLoader(ds, PersonRole, 'supplierId'),

  citationsOfSubject: (ds: DataSource) => citationsBySubjectLoader(ds),
  citationsOfSource: (ds: DataSource) => byColumnLoader(ds, Citation, 'sourceId'),

  entityImpact: (_: DataSource, rollups: RollupCache) => entityImpactLoader(rollups),
};

const FACTORIES = { ...BASE, ...DERIVED };
type Made<F> = { readonly [K in keyof F]: F[K] extends (...args: never[]) => infer L ? L : never };
export type Loaders = Made<typeof FACTORIES>;

const source = Symbol('data source');
const cache = Symbol('roll-up cache');
const made = Symbol('loaders made');

/**
 * A request's loaders, each made on its first use: a request uses a handful of the fifty, and making them
 * all was a tenth of a small request's own JavaScript.
 */
class RequestLoaders {
  readonly [made] = new Map<string, { clearAll(): unknown }>();
  readonly [source]: DataSource;
  readonly [cache]: RollupCache;
  constructor(ds: DataSource, rollups: RollupCache) {
    this[source] = ds;
    this[cache] = rollups;
  }
}
for (const [name, make] of Object.entries(FACTORIES) as Array<
  [string, (ds: DataSource, rollups: RollupCache, l: Base) => { clearAll(): unknown }]
>) {
  Object.defineProperty(RequestLoaders.prototype, name, {
    get(this: RequestLoaders) {
      let loader = this[made].get(name);
      if (loader === undefined) this[made].set(name, (loader = make(this[source], this[cache], this as unknown as Base)));
      return loader;
    },
  });
}

/** A fresh set per request (never shared: a loader's cache would leak one request's view into another). */
export function createLoaders(ds: DataSource, rollups: RollupCache): Loaders {
  return new RequestLoaders(ds, rollups) as unknown as Loaders;
}

/** Forgets what every loader of the request has read (after a write, so its answer shows what it wrote). */
export function clearLoaders(loaders: Loaders): void {
  for (const loader of (loaders as unknown as RequestLoaders)[made].values()) loader.clearAll();
}
