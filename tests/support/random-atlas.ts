import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { clearAll } from '../../seed/load';
import {
  Claim,
  Contract,
  ContractBuyer,
  ContractService,
  ContractSupplier,
  ContractUnion,
  OffshoreLocation,
  Offshoring,
  PublicBody,
  Quantity,
  Supplier,
  Union,
} from '../../src/entities';
import {
  Basis,
  ContractStatus,
  LocationKind,
  Measure,
  OffshoringStatus,
  Period,
  PublicBodyKind,
  Sector,
  Service,
  Stance,
  SupplierRole,
  UnionRole,
  Unit,
} from '../../src/schema/enums';

// Small random atlases for property tests: a few fixed parties, and contracts linked to them at random,
// with figures (some open-ended), offshoring entries of every status, and union shares of staff.

const BODIES = 3;
const SUPPLIERS = 3;
const UNIONS = 2;
const LOCATIONS = 2;

const bound = fc.record({ low: fc.integer({ min: 0, max: 1000 }), width: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }) });
const indexes = (n: number) => fc.subarray([...Array(n).keys()]);

const figure = fc.record({
  measure: fc.constantFrom(Measure.JOBS_AFFECTED, Measure.JOBS_OFFSHORED, Measure.SAVINGS_CLAIMED, Measure.MONEY_LOST),
  period: fc.constantFrom(Period.TOTAL, Period.PER_YEAR),
  bound,
});

const contract = fc.record({
  status: fc.constantFrom(...Object.values(ContractStatus)),
  year: fc.option(fc.integer({ min: 2005, max: 2007 }), { nil: null }),
  buyers: indexes(BODIES),
  suppliers: indexes(SUPPLIERS),
  unions: indexes(UNIONS),
  services: fc.subarray([Service.IT, Service.HR, Service.FINANCE]),
  figures: fc.array(figure, { maxLength: 4 }),
  offshoring: fc.array(
    fc.record({
      location: fc.integer({ min: 0, max: LOCATIONS - 1 }),
      status: fc.constantFrom(...Object.values(OffshoringStatus)),
      jobs: fc.option(bound, { nil: null }),
    }),
    { maxLength: 3 },
  ),
});

export const randomAtlas = fc.record({
  sectors: fc.array(fc.constantFrom(Sector.LOCAL_GOVERNMENT, Sector.CENTRAL_GOVERNMENT), { minLength: BODIES, maxLength: BODIES }),
  countries: fc.array(fc.constantFrom('FR', 'DE', null), { minLength: SUPPLIERS, maxLength: SUPPLIERS }),
  staff: fc.array(fc.record({ body: fc.integer({ min: 0, max: BODIES - 1 }), bound }), { maxLength: 3 }),
  shares: fc.array(
    fc.record({
      union: fc.integer({ min: 0, max: UNIONS - 1 }),
      body: fc.integer({ min: 0, max: BODIES - 1 }),
      percent: fc.integer({ min: 0, max: 100 }),
    }),
    { maxLength: 3 },
  ),
  contracts: fc.array(contract, { maxLength: 10 }),
});

export type RandomAtlas = typeof randomAtlas extends fc.Arbitrary<infer T> ? T : never;

const high = (b: { low: number; width: number | null }) => (b.width == null ? null : b.low + b.width);

export interface InsertedIds {
  bodies: number[];
  suppliers: number[];
  unions: number[];
  locations: number[];
}

/** Replaces the database's content with the atlas. */
export async function insertAtlas(ds: DataSource, atlas: RandomAtlas): Promise<InsertedIds> {
  return ds.transaction(async (m) => {
    await clearAll(m);
    const bodies = await m.save(
      atlas.sectors.map((sector, i) =>
        m.create(PublicBody, { slug: `body-${i}`, name: `Body ${i}`, aliases: [], kind: PublicBodyKind.LOCAL_AUTHORITY, sector }),
      ),
    );
    const suppliers = await m.save(
      atlas.countries.map((homeCountry, i) =>
        m.create(Supplier, { slug: `supplier-${i}`, name: `Supplier ${i}`, aliases: [], homeCountry }),
      ),
    );
    const unions = await m.save(
      [...Array(UNIONS).keys()].map((i) => m.create(Union, { slug: `union-${i}`, name: `Union ${i}`, aliases: [] })),
    );
    const locations = await m.save(
      [...Array(LOCATIONS).keys()].map((i) =>
        m.create(OffshoreLocation, { slug: `location-${i}`, name: `Location ${i}`, kind: LocationKind.REGION, aliases: [] }),
      ),
    );
    const quantity = (measure: Measure, b: { low: number; width: number | null }, owner: Partial<Quantity>, period = Period.TOTAL) =>
      m.create(Quantity, {
        measure,
        low: b.low,
        high: high(b),
        unit: Unit.JOBS,
        basis: b.width == null ? Basis.AT_LEAST : Basis.RANGE,
        wording: 'generated',
        period,
        ...owner,
      });

    for (const s of atlas.staff) await m.save(quantity(Measure.STAFF_COUNT, s.bound, { publicBodyId: bodies[s.body].id }));
    for (const s of atlas.shares) {
      await m.save(
        quantity(
          Measure.MEMBERS_SHARE_OF_STAFF,
          { low: s.percent, width: 0 },
          { unionId: unions[s.union].id, publicBodyId: bodies[s.body].id },
        ),
      );
    }

    for (const [i, c] of atlas.contracts.entries()) {
      const saved = await m.save(
        m.create(Contract, {
          slug: `contract-${i}`,
          title: `Contract ${i}`,
          status: c.status,
          startDate: { year: c.year, month: null, day: null, wording: null },
        }),
      );
      for (const b of c.buyers) await m.insert(ContractBuyer, { contractId: saved.id, publicBodyId: bodies[b].id });
      for (const s of c.suppliers)
        await m.insert(ContractSupplier, { contractId: saved.id, supplierId: suppliers[s].id, role: SupplierRole.PROVIDER });
      for (const u of c.unions)
        await m.insert(ContractUnion, { contractId: saved.id, unionId: unions[u].id, role: UnionRole.REPRESENTS_STAFF });
      for (const service of c.services) await m.insert(ContractService, { contractId: saved.id, service });
      for (const f of c.figures) await m.save(quantity(f.measure, f.bound, { contractId: saved.id }, f.period));
      for (const [j, o] of c.offshoring.entries()) {
        const entry = await m.save(
          m.create(Offshoring, {
            slug: `offshoring-${i}-${j}`,
            status: o.status,
            contractId: saved.id,
            locationId: locations[o.location].id,
          }),
        );
        if (o.jobs) await m.save(quantity(Measure.JOBS_OFFSHORED, o.jobs, { offshoringId: entry.id }));
        await m.save(
          m.create(Claim, {
            slug: `claim-${i}-${j}`,
            statement: 'Generated.',
            proposition: `work of ${i} moves to ${o.location}`,
            stance: o.status === OffshoringStatus.DENIED ? Stance.DENIES : Stance.ASSERTS,
            contractId: saved.id,
            offshoringId: entry.id,
          }),
        );
      }
    }
    return {
      bodies: bodies.map((b) => b.id),
      suppliers: suppliers.map((s) => s.id),
      unions: unions.map((u) => u.id),
      locations: locations.map((l) => l.id),
    };
  });
}

/** The expected totals, worked out in JavaScript from the generated data: the oracle for the SQL. */
export function expectedTotals(atlas: RandomAtlas) {
  const sum = (envelopes: Array<{ low: number; high: number | null } | null>) => {
    const known = envelopes.filter((e): e is { low: number; high: number | null } => e != null);
    return {
      low: known.reduce((n, e) => n + e.low, 0),
      high: known.some((e) => e.high == null) ? null : known.reduce((n, e) => n + (e.high as number), 0),
      basedOn: known.length,
    };
  };
  const envelope = (bounds: Array<{ low: number; width: number | null }>) =>
    bounds.length === 0
      ? null
      : {
          low: Math.min(...bounds.map((b) => b.low)),
          high: bounds.some((b) => b.width == null) ? null : Math.max(...bounds.map((b) => high(b) as number)),
        };
  const of = (measure: Measure, period?: (p: Period) => boolean) =>
    sum(
      atlas.contracts.map((c) =>
        envelope(c.figures.filter((f) => f.measure === measure && (!period || period(f.period))).map((f) => f.bound)),
      ),
    );
  return {
    contractCount: atlas.contracts.length,
    jobsAffected: of(Measure.JOBS_AFFECTED),
    moneyLost: of(Measure.MONEY_LOST),
    savingsPerYear: of(Measure.SAVINGS_CLAIMED, (p) => p === Period.PER_YEAR),
    savingsTotal: of(Measure.SAVINGS_CLAIMED, (p) => p !== Period.PER_YEAR),
  };
}
