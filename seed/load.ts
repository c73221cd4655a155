import type { DataSource, EntityManager } from 'typeorm';
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
  PartyMatch,
  Person,
  PersonRole,
  PublicBody,
  Quantity,
  SearchEntry,
  Source,
  Supplier,
  Union,
} from '../src/entities';
import { Period, SubjectType } from '../src/schema/enums';
import { indexSubject, type SearchText } from '../src/services/search-index';
import { SEARCHABLE } from '../src/services/searchable';
import { RECORD_SPECS } from '../src/services/writes/specs';
import type { CitationSeed, PartialDateSeed, QuantitySeed, SeedData } from './types';
import { loadSeedData, loadSourceTexts, validateSeed } from './validate';

/** Children before parents, so deletes never trip a foreign key. */
// The import's tables too: a rebuild from seed/ replaces everything, imported contracts and matches included.
const TABLES_IN_DELETE_ORDER = [
  PartyMatch,
  OcdsRelease,
  ContractClassification,
  SearchEntry,
  Citation,
  EventUnion,
  Event,
  Claim,
  Quantity,
  Offshoring,
  ContractService,
  ContractUnion,
  ContractSupplier,
  ContractBuyer,
  Contract,
  PersonRole,
  Person,
  OffshoreLocation,
  Union,
  Supplier,
  PublicBody,
  Source,
];

export interface SeedSummary {
  [table: string]: number;
}

const partialDate = (d?: PartialDateSeed) => ({
  year: d?.year ?? null,
  month: d?.month ?? null,
  day: d?.day ?? null,
  wording: d?.wording ?? null,
});

/** Empties every table and restarts the id counters (the seed rebuild, and tests that need a blank database). */
export async function clearAll(m: EntityManager) {
  if (m.connection.options.type === 'postgres') {
    const tables = TABLES_IN_DELETE_ORDER.map((t) => m.getRepository(t).metadata.tableName).join(', ');
    await m.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
    return;
  }
  for (const table of TABLES_IN_DELETE_ORDER) await m.getRepository(table).clear();
  // Restart AUTOINCREMENT counters so a rebuild gives every row the same id, and so the same global id.
  const hasSequence = await m.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'");
  if (hasSequence.length) await m.query('DELETE FROM sqlite_sequence');
}

/**
 * Rebuilds the database from seed/: validates every quote against its source text first, then replaces
 * everything in one transaction (all of it or none of it). Running it twice gives the same database.
 */
export async function loadSeed(ds: DataSource, data: SeedData = loadSeedData(), texts = loadSourceTexts()): Promise<SeedSummary> {
  const problems = validateSeed(data, texts);
  if (problems.length) throw new Error(`The seed data is invalid:\n- ${problems.join('\n- ')}`);

  return ds.transaction(async (m) => {
    await clearAll(m);
    const ids = {
      source: new Map<string, number>(),
      body: new Map<string, number>(),
      supplier: new Map<string, number>(),
      union: new Map<string, number>(),
      location: new Map<string, number>(),
      person: new Map<string, number>(),
      contract: new Map<string, number>(),
      offshoring: new Map<string, number>(),
    };
    const ref = (map: Map<string, number>, slug?: string) => (slug == null ? null : (map.get(slug) as number));
    const cite = async (subjectType: SubjectType, subjectId: number, citations: CitationSeed[]) => {
      for (const c of citations) {
        const saved = await m.save(
          m.create(Citation, {
            subjectType,
            subjectId,
            sourceId: ids.source.get(c.source) as number,
            quote: c.quote,
            note: c.note ?? null,
          }),
        );
        await indexSubject(m, 'CITATION', saved.id, SEARCHABLE.CITATION(c), false);
      }
    };
    const index = (type: SubjectType, id: number, texts: SearchText[]) => indexSubject(m, type, id, texts, false);
    const saveQuantities = async (quantities: QuantitySeed[] | undefined, owner: Partial<Quantity>) => {
      for (const q of quantities ?? []) {
        const saved = await m.save(
          m.create(Quantity, {
            measure: q.measure as Quantity['measure'],
            low: q.low,
            high: q.high,
            unit: q.unit as Quantity['unit'],
            basis: q.basis as Quantity['basis'],
            wording: q.wording,
            period: (q.period ?? Period.TOTAL) as Period,
            priceYear: q.priceYear ?? null,
            timeframe: q.timeframe ?? null,
            note: q.note ?? null,
            contractId: null,
            offshoringId: null,
            publicBodyId: ref(ids.body, q.publicBody),
            unionId: null,
            ...owner,
          }),
        );
        await cite(SubjectType.QUANTITY, saved.id, q.citations);
        await index(SubjectType.QUANTITY, saved.id, SEARCHABLE.QUANTITY(q));
      }
    };

    for (const s of data.sources) {
      const { date, ...rest } = s;
      const text = texts[s.fileName] ?? null;
      const saved = await m.save(
        m.create(Source, {
          ...rest,
          kind: s.kind as Source['kind'],
          publisher: s.publisher ?? null,
          url: null,
          text,
          date: partialDate(date),
        }),
      );
      ids.source.set(s.fileName, saved.id);
      await index(SubjectType.SOURCE, saved.id, SEARCHABLE.SOURCE(s));
    }

    for (const b of data.publicBodies) {
      const saved = await m.save(
        m.create(PublicBody, {
          slug: b.slug,
          name: b.name,
          aliases: b.aliases,
          kind: b.kind as PublicBody['kind'],
          sector: b.sector as PublicBody['sector'],
          description: b.description ?? null,
          parentId: null,
        }),
      );
      ids.body.set(b.slug, saved.id);
      await index(SubjectType.PUBLIC_BODY, saved.id, SEARCHABLE.PUBLIC_BODY(b));
    }
    for (const b of data.publicBodies) {
      if (b.parent) await m.update(PublicBody, { id: ids.body.get(b.slug) }, { parentId: ref(ids.body, b.parent) });
      await cite(SubjectType.PUBLIC_BODY, ids.body.get(b.slug) as number, b.citations);
    }

    for (const s of data.suppliers) {
      const saved = await m.save(
        m.create(Supplier, {
          slug: s.slug,
          name: s.name,
          aliases: s.aliases,
          homeCountry: s.homeCountry ?? null,
          description: s.description ?? null,
          parentId: null,
        }),
      );
      ids.supplier.set(s.slug, saved.id);
      await cite(SubjectType.SUPPLIER, saved.id, s.citations);
      await index(SubjectType.SUPPLIER, saved.id, SEARCHABLE.SUPPLIER(s));
    }
    for (const s of data.suppliers) {
      if (s.parent) await m.update(Supplier, { id: ids.supplier.get(s.slug) }, { parentId: ref(ids.supplier, s.parent) });
    }

    for (const u of data.unions) {
      const saved = await m.save(
        m.create(Union, {
          slug: u.slug,
          name: u.name,
          acronym: u.acronym ?? null,
          aliases: u.aliases,
          description: u.description ?? null,
        }),
      );
      ids.union.set(u.slug, saved.id);
      await cite(SubjectType.UNION, saved.id, u.citations);
      await index(SubjectType.UNION, saved.id, SEARCHABLE.UNION(u));
    }
    // Union figures may name a public body (a share of its staff): bodies exist by now.
    for (const u of data.unions) await saveQuantities(u.quantities, { unionId: ids.union.get(u.slug) as number });
    for (const b of data.publicBodies) await saveQuantities(b.quantities, { publicBodyId: ids.body.get(b.slug) as number });

    for (const l of data.offshoreLocations) {
      const saved = await m.save(
        m.create(OffshoreLocation, {
          slug: l.slug,
          name: l.name,
          kind: l.kind as OffshoreLocation['kind'],
          countryCode: l.countryCode ?? null,
          aliases: l.aliases,
        }),
      );
      ids.location.set(l.slug, saved.id);
      await cite(SubjectType.OFFSHORE_LOCATION, saved.id, l.citations);
      await index(SubjectType.OFFSHORE_LOCATION, saved.id, SEARCHABLE.OFFSHORE_LOCATION(l));
    }

    for (const p of data.people) {
      const saved = await m.save(m.create(Person, { slug: p.slug, name: p.name, aliases: p.aliases }));
      ids.person.set(p.slug, saved.id);
      await cite(SubjectType.PERSON, saved.id, p.citations);
      await index(SubjectType.PERSON, saved.id, SEARCHABLE.PERSON(p));
      for (const r of p.roles) {
        const role = await m.save(
          m.create(PersonRole, {
            title: r.title,
            personId: saved.id,
            publicBodyId: ref(ids.body, r.publicBody),
            unionId: ref(ids.union, r.union),
            supplierId: ref(ids.supplier, r.supplier),
          }),
        );
        await cite(SubjectType.PERSON_ROLE, role.id, r.citations);
      }
    }

    for (const c of data.contracts) {
      const saved = await m.save(
        m.create(Contract, {
          slug: c.slug,
          title: c.title,
          description: c.description,
          status: c.status as Contract['status'],
          startDate: partialDate(c.startDate),
        }),
      );
      ids.contract.set(c.slug, saved.id);
      const contractId = saved.id;
      for (const b of c.buyers) await m.insert(ContractBuyer, { contractId, publicBodyId: ref(ids.body, b) as number });
      for (const s of c.suppliers) {
        await m.insert(ContractSupplier, {
          contractId,
          supplierId: ref(ids.supplier, s.supplier) as number,
          role: s.role as ContractSupplier['role'],
        });
      }
      for (const u of c.unions) {
        await m.insert(ContractUnion, { contractId, unionId: ref(ids.union, u.union) as number, role: u.role as ContractUnion['role'] });
      }
      for (const service of c.services) await m.insert(ContractService, { contractId, service: service as ContractService['service'] });
      await saveQuantities(c.quantities, { contractId });
      for (const o of c.offshoring ?? []) {
        const entry = await m.save(
          m.create(Offshoring, {
            slug: o.slug,
            status: o.status as Offshoring['status'],
            description: o.description,
            contractId,
            locationId: ref(ids.location, o.location) as number,
          }),
        );
        ids.offshoring.set(o.slug, entry.id);
        await saveQuantities(o.quantities, { offshoringId: entry.id });
        await cite(SubjectType.OFFSHORING, entry.id, o.citations);
      }
      await cite(SubjectType.CONTRACT, contractId, c.citations);
      await index(SubjectType.CONTRACT, contractId, SEARCHABLE.CONTRACT(c));
    }

    for (const c of data.claims) {
      const saved = await m.save(
        m.create(Claim, {
          slug: c.slug,
          statement: c.statement,
          stance: c.stance as Claim['stance'],
          proposition: c.proposition,
          claimantDescription: c.claimant.description ?? null,
          date: partialDate(c.date),
          personId: ref(ids.person, c.claimant.person),
          unionId: ref(ids.union, c.claimant.union),
          publicBodyId: ref(ids.body, c.claimant.publicBody),
          supplierId: ref(ids.supplier, c.claimant.supplier),
          contractId: ref(ids.contract, c.contract),
          offshoringId: ref(ids.offshoring, c.offshoring),
        }),
      );
      await cite(SubjectType.CLAIM, saved.id, c.citations);
      await index(SubjectType.CLAIM, saved.id, SEARCHABLE.CLAIM(c));
    }

    for (const e of data.events) {
      const saved = await m.save(
        m.create(Event, {
          slug: e.slug,
          kind: e.kind as Event['kind'],
          title: e.title,
          description: e.description ?? null,
          date: partialDate(e.date),
          contractId: ref(ids.contract, e.contract),
          publicBodyId: ref(ids.body, e.publicBody),
        }),
      );
      for (const u of e.unions) await m.insert(EventUnion, { eventId: saved.id, unionId: ref(ids.union, u) as number });
      await cite(SubjectType.EVENT, saved.id, e.citations);
      await index(SubjectType.EVENT, saved.id, SEARCHABLE.EVENT(e));
    }

    // The mutations' cross-field rules (a body is not its own parent, a figure's bounds fit its basis, a
    // claim names who makes it …) hold for seeded rows too: the seed is held to what an editor may write.
    for (const spec of RECORD_SPECS) {
      if (!spec.check) continue;
      for (const row of await m.getRepository(spec.entity).find({ withDeleted: true })) {
        try {
          await spec.check(row, m);
        } catch (error) {
          const name = (row as { slug?: string }).slug ?? `#${row.id}`;
          throw new Error(`The seed data breaks a write rule: ${spec.entity.name} ${name}: ${(error as Error).message}`, { cause: error });
        }
      }
    }
    const summary: SeedSummary = {};
    for (const table of TABLES_IN_DELETE_ORDER) summary[m.getRepository(table).metadata.tableName] = await m.count(table);
    return summary;
  });
}

/** True when the database holds no sources yet: the server seeds it on first start. */
export async function isEmpty(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(Source).count()) === 0;
}
