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

/** A fresh set per request (never shared: a loader's cache would leak one request's view into another). */
export function createLoaders(ds: DataSource, rollups: RollupCache) {
  const publicBody = byIdLoader(ds, PublicBody);
  const supplier = byIdLoader(ds, Supplier);
  const union = byIdLoader(ds, Union);
  const contract = byIdLoader(ds, Contract);
  const event = byIdLoader(ds, Event);

  const bySlug = <E extends { id: number; slug: string }>(entity: new () => E, byId: DataLoader<number, E | null>) =>
    new DataLoader<string, E | null>(async (slugs) => {
      const rows = await ds.getRepository(entity).find({ where: { slug: In([...slugs]) } as FindOptionsWhere<E>, withDeleted: true });
      rows.forEach((row) => byId.prime(row.id, row));
      const map = new Map(rows.map((row) => [row.slug, row]));
      return slugs.map((slug) => map.get(slug) ?? null);
    }, BATCH);

  const source = byIdLoader(ds, Source);
  const offshoreLocation = byIdLoader(ds, OffshoreLocation);
  const person = byIdLoader(ds, Person);

  const eventUnionRows = joinRowsLoader(ds, EventUnion, 'eventId', 'unionId');
  const unionEventRows = joinRowsLoader(ds, EventUnion, 'unionId', 'eventId');

  return {
    publicBody,
    supplier,
    union,
    contract,
    source,
    offshoreLocation,
    person,
    event,
    personRole: byIdLoader(ds, PersonRole),
    offshoring: byIdLoader(ds, Offshoring),
    quantity: byIdLoader(ds, Quantity),
    claim: byIdLoader(ds, Claim),
    citation: byIdLoader(ds, Citation),

    publicBodyBySlug: bySlug(PublicBody, publicBody),
    supplierBySlug: bySlug(Supplier, supplier),
    unionBySlug: bySlug(Union, union),
    contractBySlug: bySlug(Contract, contract),
    sourceBySlug: bySlug(Source, source),
    offshoreLocationBySlug: bySlug(OffshoreLocation, offshoreLocation),

    childBodies: byColumnLoader(ds, PublicBody, 'parentId'),
    subsidiaries: byColumnLoader(ds, Supplier, 'parentId'),

    buyersOfContract: throughLoader(joinRowsLoader(ds, ContractBuyer, 'contractId', 'publicBodyId'), 'publicBodyId', publicBody),
    supplierLinksOfContract: joinRowsLoader(ds, ContractSupplier, 'contractId', 'supplierId'),
    unionLinksOfContract: joinRowsLoader(ds, ContractUnion, 'contractId', 'unionId'),
    servicesOfContract: new DataLoader<number, Service[]>(async (ids) => {
      const rows = await ds.getRepository(ContractService).find({ where: { contractId: In([...ids]) }, order: { service: 'ASC' } });
      const groups = groupBy(rows, (row) => row.contractId);
      return ids.map((id) => (groups.get(id) ?? []).map((row) => row.service));
    }, BATCH),
    contractPages: contractPagesLoader(ds, contract),
    classificationsOfContract: joinRowsLoader(ds, ContractClassification, 'contractId', 'code'),
    releasesOfContract: byColumnLoader(ds, OcdsRelease, 'contractId'),
    matchesOfPublicBody: matchesOf(ds, MatchedType.PUBLIC_BODY),
    matchesOfSupplier: matchesOf(ds, MatchedType.SUPPLIER),

    offshoringsOfContract: byColumnLoader(ds, Offshoring, 'contractId'),
    offshoringsOfLocation: byColumnLoader(ds, Offshoring, 'locationId'),

    quantitiesOfContract: byColumnLoader(ds, Quantity, 'contractId'),
    quantitiesOfOffshoring: byColumnLoader(ds, Quantity, 'offshoringId'),
    quantitiesOfPublicBody: byColumnLoader(ds, Quantity, 'publicBodyId'),
    quantitiesOfUnion: byColumnLoader(ds, Quantity, 'unionId'),

    claimsOfContract: byColumnLoader(ds, Claim, 'contractId'),
    claimsOfOffshoring: byColumnLoader(ds, Claim, 'offshoringId'),
    claimsOfPerson: byColumnLoader(ds, Claim, 'personId'),
    claimsOfUnion: byColumnLoader(ds, Claim, 'unionId'),
    claimsOfPublicBody: byColumnLoader(ds, Claim, 'publicBodyId'),
    claimsOfSupplier: byColumnLoader(ds, Claim, 'supplierId'),
    claimsOfProposition: byColumnLoader<Claim, string>(ds, Claim, 'proposition'),

    eventsOfContract: byColumnLoader(ds, Event, 'contractId'),
    eventsOfPublicBody: byColumnLoader(ds, Event, 'publicBodyId'),
    unionsOfEvent: throughLoader(eventUnionRows, 'unionId', union),
    eventsOfUnion: throughLoader(unionEventRows, 'eventId', event),

    rolesOfPerson: byColumnLoader(ds, PersonRole, 'personId'),
    rolesInPublicBody: byColumnLoader(ds, PersonRole, 'publicBodyId'),
    rolesInUnion: byColumnLoader(ds, PersonRole, 'unionId'),
    rolesInSupplier: byColumnLoader(ds, PersonRole, 'supplierId'),

    citationsOfSubject: citationsBySubjectLoader(ds),
    citationsOfSource: byColumnLoader(ds, Citation, 'sourceId'),

    entityImpact: entityImpactLoader(rollups),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
