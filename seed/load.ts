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
import type { EditableNode } from '../src/entities/node';
import type { FieldValues } from '../src/schema/inputs/define-inputs';
import { admitInput } from '../src/services/writes/admit-input';
import { createRecord, type RecordSpec } from '../src/services/writes/records';
import {
  offshoreLocationSpec,
  personRoleSpec,
  personSpec,
  publicBodySpec,
  supplierSpec,
  unionSpec,
} from '../src/services/writes/specs/parties';
import { claimSpec, contractSpec, eventSpec, offshoringSpec, quantitySpec, sourceSpec } from '../src/services/writes/specs/records';
import {
  claimInput,
  contractInput,
  eventInput,
  offshoreLocationInput,
  offshoringInput,
  personInput,
  personRoleInput,
  publicBodyInput,
  quantityInput,
  SeedIds,
  sourceInput,
  supplierInput,
  unionInput,
} from './as-inputs';
import type { QuantitySeed, SeedData } from './types';
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
 * Rebuilds the database from seed/: checks the seed's own rules first (quotes against the source files,
 * references between seed files), then replaces everything in one transaction (all of it or none of it),
 * each record written as the mutations write it: the same input classes and validators, the same specs,
 * checks, slugs, citations and search entries. Running it twice gives the same database.
 */
export async function loadSeed(ds: DataSource, data: SeedData = loadSeedData(), texts = loadSourceTexts()): Promise<SeedSummary> {
  const problems = validateSeed(data, texts);
  if (problems.length) throw new Error(`The seed data is invalid:\n- ${problems.join('\n- ')}`);

  return ds.transaction(async (m) => {
    await clearAll(m);
    const ids = new SeedIds();
    const write = async <E extends EditableNode>(where: string, spec: RecordSpec<E>, values: FieldValues): Promise<number> => {
      try {
        await admitInput(values);
        return (await createRecord(m, spec, values)).entityId;
      } catch (error) {
        throw new Error(`The seed data breaks a write rule: ${where}: ${(error as Error).message}`, { cause: error });
      }
    };
    const figures = async (where: string, list: QuantitySeed[] | undefined, owner: Parameters<typeof quantityInput>[2]) => {
      for (const [i, q] of (list ?? []).entries()) await write(`${where}.quantities[${i}]`, quantitySpec, quantityInput(ids, q, owner));
    };

    for (const s of data.sources) {
      ids.add('Source', s.fileName, await write(`sources[${s.slug}]`, sourceSpec, sourceInput(s, texts[s.fileName])));
    }
    for (const b of parentsFirst(data.publicBodies)) {
      ids.add('PublicBody', b.slug, await write(`publicBodies[${b.slug}]`, publicBodySpec, publicBodyInput(ids, b)));
    }
    for (const s of parentsFirst(data.suppliers)) {
      ids.add('Supplier', s.slug, await write(`suppliers[${s.slug}]`, supplierSpec, supplierInput(ids, s)));
    }
    for (const u of data.unions) ids.add('Union', u.slug, await write(`unions[${u.slug}]`, unionSpec, unionInput(ids, u)));
    // Union figures may name a public body (a share of its staff): bodies exist by now.
    for (const u of data.unions) await figures(`unions[${u.slug}]`, u.quantities, { union: ids.of('Union', u.slug) });
    for (const b of data.publicBodies) await figures(`publicBodies[${b.slug}]`, b.quantities, { publicBody: ids.of('PublicBody', b.slug) });

    for (const l of data.offshoreLocations) {
      const where = `offshoreLocations[${l.slug}]`;
      ids.add('OffshoreLocation', l.slug, await write(where, offshoreLocationSpec, offshoreLocationInput(ids, l)));
    }
    for (const p of data.people) {
      ids.add('Person', p.slug, await write(`people[${p.slug}]`, personSpec, personInput(ids, p)));
      for (const [i, r] of p.roles.entries()) {
        await write(`people[${p.slug}].roles[${i}]`, personRoleSpec, personRoleInput(ids, ids.of('Person', p.slug), r));
      }
    }

    for (const c of data.contracts) {
      const where = `contracts[${c.slug}]`;
      ids.add('Contract', c.slug, await write(where, contractSpec, contractInput(ids, c)));
      const contract = ids.of('Contract', c.slug);
      await figures(where, c.quantities, { contract });
      for (const o of c.offshoring ?? []) {
        const at = `${where}.offshoring[${o.slug}]`;
        ids.add('Offshoring', o.slug, await write(at, offshoringSpec, offshoringInput(ids, contract, o)));
        await figures(at, o.quantities, { offshoring: ids.of('Offshoring', o.slug) });
      }
    }
    for (const c of data.claims) await write(`claims[${c.slug}]`, claimSpec, claimInput(ids, c));
    for (const e of data.events) await write(`events[${e.slug}]`, eventSpec, eventInput(ids, e));

    const summary: SeedSummary = {};
    for (const table of TABLES_IN_DELETE_ORDER) summary[m.getRepository(table).metadata.tableName] = await m.count(table);
    return summary;
  });
}

/** Bodies (or suppliers) ordered so each comes after its parent: a reference is to a record already written. */
function parentsFirst<T extends { slug: string; parent?: string }>(items: T[]): T[] {
  const bySlug = new Map(items.map((item) => [item.slug, item]));
  const placed = new Set<string>();
  const ordered: T[] = [];
  const place = (item: T, chain: string[]) => {
    if (placed.has(item.slug)) return;
    if (chain.includes(item.slug)) throw new Error(`The seed data is invalid: ${[...chain, item.slug].join(' → ')} is a loop of parents.`);
    const parent = item.parent === undefined ? undefined : bySlug.get(item.parent);
    if (parent) place(parent, [...chain, item.slug]);
    placed.add(item.slug);
    ordered.push(item);
  };
  for (const item of items) place(item, []);
  return ordered;
}

/** True when the database holds no sources yet: the server seeds it on first start. */
export async function isEmpty(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(Source).count()) === 0;
}
