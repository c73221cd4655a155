import type { DataSource } from 'typeorm';
import {
  Citation,
  Claim,
  Contract,
  ContractBuyer,
  ContractService,
  ContractSupplier,
  ContractUnion,
  Event,
  EventUnion,
  OffshoreLocation,
  Offshoring,
  PublicBody,
  Quantity,
  Source,
  Supplier,
  Union,
} from '../../src/entities';
import {
  Basis,
  ContractStatus,
  EventKind,
  LocationKind,
  Measure,
  OffshoringStatus,
  PublicBodyKind,
  Sector,
  Service,
  SourceKind,
  Stance,
  SubjectType,
  SupplierRole,
  UnionRole,
  Unit,
} from '../../src/schema/enums';

/**
 * `count` contracts, each fully linked (two buyers, a supplier, a union, an offshoring entry with a claim,
 * a figure, an event, citations), so that a nested query has something to fan out over at every level.
 */
export async function generateContracts(ds: DataSource, count: number): Promise<void> {
  await ds.transaction(async (m) => {
    const source = await m.save(m.create(Source, { slug: 'generated', fileName: null, title: 'Generated', kind: SourceKind.DATASET }));
    const location = await m.save(
      m.create(OffshoreLocation, { slug: 'gen-land', name: 'Genland', kind: LocationKind.COUNTRY, countryCode: 'GL', aliases: [] }),
    );
    for (let i = 0; i < count; i += 1) {
      const n = String(i).padStart(3, '0');
      const [a, b] = await m.save([
        m.create(PublicBody, {
          slug: `body-${n}-a`,
          name: `Body ${n} A`,
          aliases: [],
          kind: PublicBodyKind.LOCAL_AUTHORITY,
          sector: Sector.LOCAL_GOVERNMENT,
        }),
        m.create(PublicBody, {
          slug: `body-${n}-b`,
          name: `Body ${n} B`,
          aliases: [],
          kind: PublicBodyKind.LOCAL_AUTHORITY,
          sector: Sector.LOCAL_GOVERNMENT,
        }),
      ]);
      const supplier = await m.save(m.create(Supplier, { slug: `supplier-${n}`, name: `Supplier ${n}`, aliases: [] }));
      const union = await m.save(m.create(Union, { slug: `union-${n}`, name: `Union ${n}`, aliases: [] }));
      const contract = await m.save(m.create(Contract, { slug: `contract-${n}`, title: `Contract ${n}`, status: ContractStatus.PROPOSED }));
      await m.insert(ContractBuyer, [
        { contractId: contract.id, publicBodyId: a.id },
        { contractId: contract.id, publicBodyId: b.id },
      ]);
      await m.insert(ContractSupplier, { contractId: contract.id, supplierId: supplier.id, role: SupplierRole.PROVIDER });
      await m.insert(ContractUnion, { contractId: contract.id, unionId: union.id, role: UnionRole.REPRESENTS_STAFF });
      await m.insert(ContractService, { contractId: contract.id, service: Service.IT });
      const offshoring = await m.save(
        m.create(Offshoring, {
          slug: `offshoring-${n}`,
          status: OffshoringStatus.ALLEGED,
          contractId: contract.id,
          locationId: location.id,
        }),
      );
      const quantity = await m.save(
        m.create(Quantity, {
          measure: Measure.JOBS_AFFECTED,
          low: 100,
          high: 999,
          unit: Unit.JOBS,
          basis: Basis.ORDER_OF_MAGNITUDE,
          wording: 'hundreds',
          contractId: contract.id,
        }),
      );
      const claim = await m.save(
        m.create(Claim, {
          slug: `claim-${n}`,
          statement: 'Work will move.',
          stance: Stance.ASSERTS,
          proposition: `work of ${n} moves`,
          unionId: union.id,
          contractId: contract.id,
          offshoringId: offshoring.id,
        }),
      );
      const event = await m.save(
        m.create(Event, { slug: `event-${n}`, kind: EventKind.STRIKE, title: `Strike ${n}`, contractId: contract.id }),
      );
      await m.insert(EventUnion, { eventId: event.id, unionId: union.id });
      await m.insert(Citation, [
        { sourceId: source.id, quote: `quote ${n}`, subjectType: SubjectType.CONTRACT, subjectId: contract.id },
        { sourceId: source.id, quote: `figure ${n}`, subjectType: SubjectType.QUANTITY, subjectId: quantity.id },
        { sourceId: source.id, quote: `claim ${n}`, subjectType: SubjectType.CLAIM, subjectId: claim.id },
      ]);
    }
  });
}
