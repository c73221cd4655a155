import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { targetFromConfig } from '../src/database/options';
import { clearAll } from '../seed/load';
import { openDatabase } from '../src/database/open';
import { Contract } from '../src/entities';
import { searchRows } from '../src/services/search-index';
import { type SEARCHABLE, searchTextsOf } from '../src/services/searchable';
import { BulkWriter } from './bulk-writer';

// `npm run datagen -- --contracts 100000 [--seed 1] [--reset]`: realistic, deterministic data at scale into
// the configured database (DATABASE_URL or DATABASE_PATH): bodies, suppliers with aliases, unions,
// locations, contracts with several buyers and suppliers, figures as ranges (some open-ended), offshoring
// with claims on both sides, citations, events and the search index — in bulk, in one transaction.

/** mulberry32: a small, fast, seedable generator; the same seed gives the same atlas. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
  };
}

const PLACES = ['North', 'South', 'East', 'West', 'Mid', 'Upper', 'Lower', 'Greater', 'New', 'Old'];
const TOWNS = ['Ashford', 'Bexley', 'Carlow', 'Dunmore', 'Elham', 'Fenwick', 'Garston', 'Hexham', 'Ilford', 'Jarrow', 'Kendal', 'Ludlow'];
const FIRMS = ['Capita', 'Serco', 'Sopra', 'Arvato', 'Xansa', 'Atos', 'Mitie', 'Interserve', 'Liberata', 'Agilisys', 'Civica', 'Northgate'];
const FORMS = ['Ltd', 'plc', 'Group', 'Services', 'Solutions', 'Holdings'];
const COUNTRIES = ['GB', 'FR', 'DE', 'US', 'IN', 'NL', 'ES', 'IE'];
const LOCATIONS = ['India', 'Philippines', 'Poland', 'South Africa', 'Romania', 'Egypt', 'Malaysia', 'Sri Lanka', 'Vietnam', 'Mexico'];
const SERVICES = [
  'BACK_OFFICE',
  'SHARED_SERVICES',
  'BILLING',
  'INVOICE_PROCESSING',
  'FINANCE',
  'HR',
  'IT',
  'CALL_CENTRES',
  'BENEFIT_PROCESSING',
];
const STATUSES = ['PROPOSED', 'POSTPONED', 'IN_CONSULTATION', 'AWARDED', 'TRANSFERRED', 'FAILED', 'ABANDONED'];
const RANGES: Array<[number, number | null, string, string]> = [
  [200, 999, 'ORDER_OF_MAGNITUDE', 'hundreds of jobs'],
  [20, 99, 'ORDER_OF_MAGNITUDE', 'dozens of jobs'],
  [1000, 9999, 'ORDER_OF_MAGNITUDE', 'thousands of jobs'],
  [350, 350, 'EXACT', '350 jobs'],
  [500, null, 'AT_LEAST', 'at least 500 jobs'],
];

export interface GenerateOptions {
  contracts: number;
  seed: number;
}

/** Writes the atlas; returns the number of rows. The database must be migrated and empty. */
export async function generate(ds: DataSource, { contracts, seed }: GenerateOptions): Promise<number> {
  const r = random(seed);
  const bodies = Math.max(20, Math.floor(contracts / 20));
  const suppliers = Math.max(10, Math.floor(contracts / 10));
  const unions = 25;
  const sources = 50;
  const postgres = ds.options.type === 'postgres';
  const rows = await ds.transaction(async (tx) => {
    const w = new BulkWriter(tx);
    let searchId = 0;
    // The texts the mutations index for each type (SEARCHABLE), for the types generated data is searched by:
    // parties and contracts. Quotes, figures, claims and events are left out of the generated index.
    const index = async <T extends 'PUBLIC_BODY' | 'SUPPLIER' | 'UNION' | 'OFFSHORE_LOCATION' | 'CONTRACT'>(
      subjectType: T,
      subjectId: number,
      row: Parameters<(typeof SEARCHABLE)[T]>[0],
    ) => {
      for (const { field, text, folded } of searchRows(searchTextsOf(subjectType, row))) {
        await w.add(
          'search_entry',
          ['id', 'subject_type', 'subject_id', 'field', 'text', 'folded'],
          [(searchId += 1), subjectType, subjectId, field, text, folded],
        );
      }
    };
    let citationId = 0;
    const cite = async (subjectType: string, subjectId: number, quote: string) =>
      w.add(
        'citation',
        ['id', 'quote', 'subject_type', 'subject_id', 'source_id'],
        [(citationId += 1), quote, subjectType, subjectId, r.int(1, sources)],
      );

    for (let s = 1; s <= sources; s += 1) {
      await w.add(
        'source',
        ['id', 'slug', 'title', 'kind', 'publisher', 'date_year'],
        [
          s,
          `gen-source-${s}`,
          `Generated report ${s}`,
          r.pick(['NEWS_REPORT', 'OFFICIAL_DOCUMENT', 'DATASET']),
          `Publisher ${s % 7}`,
          r.int(2000, 2024),
        ],
      );
    }
    for (let b = 1; b <= bodies; b += 1) {
      const local = r.chance(0.8);
      const name = local
        ? `${r.pick(PLACES)} ${r.pick(TOWNS)} ${r.pick(['Council', 'County Council', 'Borough Council'])} ${b}`
        : `Department of ${r.pick(TOWNS)} Affairs ${b}`;
      const aliases = r.chance(0.3)
        ? [
            `${name
              .split(' ')
              .map((x) => x[0])
              .join('')}${b}`,
          ]
        : [];
      await w.add(
        'public_body',
        ['id', 'slug', 'name', 'aliases', 'kind', 'sector', 'description'],
        [
          b,
          `body-${b}`,
          name,
          JSON.stringify(aliases),
          local ? 'LOCAL_AUTHORITY' : 'CENTRAL_GOVERNMENT_DEPARTMENT',
          local ? 'LOCAL_GOVERNMENT' : 'CENTRAL_GOVERNMENT',
          null,
        ],
      );
      await index('PUBLIC_BODY', b, { name, aliases });
    }
    for (let s = 1; s <= suppliers; s += 1) {
      const name = `${r.pick(FIRMS)} ${r.pick(FORMS)} ${s}`;
      const aliases = r.chance(0.3) ? [name.replace(/[aeiou]/, (v) => v + v)] : [];
      await w.add(
        'supplier',
        ['id', 'slug', 'name', 'aliases', 'home_country'],
        [s, `supplier-${s}`, name, JSON.stringify(aliases), r.pick(COUNTRIES)],
      );
      await index('SUPPLIER', s, { name, aliases });
    }
    for (let u = 1; u <= unions; u += 1) {
      const name = `${r.pick(['National', 'United', 'Public', 'General'])} Workers Union ${u}`;
      const acronym = `NWU${u}`;
      await w.add('trade_union', ['id', 'slug', 'name', 'acronym', 'aliases'], [u, `union-${u}`, name, acronym, '[]']);
      await index('UNION', u, { name, acronym, aliases: [] });
    }
    for (const [i, name] of LOCATIONS.entries()) {
      await w.add(
        'offshore_location',
        ['id', 'slug', 'name', 'kind', 'country_code', 'aliases'],
        [i + 1, `location-${i + 1}`, name, 'COUNTRY', null, '[]'],
      );
      await index('OFFSHORE_LOCATION', i + 1, { name, aliases: [] });
    }
    // Staff counts and union shares of them, so "members represented" has something to multiply.
    let quantityId = 0;
    for (let b = 1; b <= bodies; b += 1) {
      const staff = 1000 * r.int(1, 50);
      await w.add(
        'quantity',
        ['id', 'measure', 'low', 'high', 'unit', 'basis', 'wording', 'public_body_id'],
        [(quantityId += 1), 'STAFF_COUNT', staff, staff, 'PEOPLE', 'EXACT', `${staff} staff`, b],
      );
      for (const u of new Set([r.int(1, unions), r.int(1, unions)])) {
        const share = r.int(10, 70);
        await w.add(
          'quantity',
          ['id', 'measure', 'low', 'high', 'unit', 'basis', 'wording', 'public_body_id', 'union_id'],
          [(quantityId += 1), 'MEMBERS_SHARE_OF_STAFF', share, share, 'PERCENT', 'EXACT', `${share}% of staff`, b, u],
        );
      }
    }
    await w.flush();

    let offshoringId = 0;
    let claimId = 0;
    let eventId = 0;
    for (let c = 1; c <= contracts; c += 1) {
      if (postgres && (c === 1_000 || c === 10_000 || c % 100_000 === 0)) {
        // PostgreSQL plans the triggers' statements from statistics, and the load is one transaction that no
        // autovacuum sees: planned for the empty tables, the claim trigger walked every claim of the table
        // at each batch (0.04–0.2 s a batch by 1,000,000 contracts, where 5 ms will do). SQLite's stay linear.
        await w.flush();
        await tx.query('ANALYZE');
      }
      const year = r.chance(0.8) ? r.int(2000, 2024) : null;
      const title = `${r.pick(SERVICES).toLowerCase().replace(/_/g, ' ')} outsourcing to ${r.pick(FIRMS)} (${c})`;
      await w.add(
        'contract',
        ['id', 'slug', 'title', 'status', 'start_date_year', 'start_date_month', 'outsourcing', 'imported'],
        [c, `contract-${c}`, title, r.pick(STATUSES), year, year && r.chance(0.5) ? r.int(1, 12) : null, w.bool(true), w.bool(false)],
      );
      await index('CONTRACT', c, { title });
      await cite('CONTRACT', c, `${title}, as reported`);
      const buyers = new Set(Array.from({ length: r.int(1, 3) }, () => r.int(1, bodies)));
      for (const b of buyers) await w.add('contract_buyer', ['contract_id', 'public_body_id'], [c, b]);
      const sups = new Set(Array.from({ length: r.int(1, 2) }, () => r.int(1, suppliers)));
      for (const s of sups)
        await w.add('contract_supplier', ['contract_id', 'supplier_id', 'role'], [c, s, r.chance(0.8) ? 'PROVIDER' : 'PROPOSED_PROVIDER']);
      const unionIds = new Set(Array.from({ length: r.int(0, 2) }, () => r.int(1, unions)));
      for (const u of unionIds) await w.add('contract_union', ['contract_id', 'union_id', 'role'], [c, u, 'REPRESENTS_STAFF']);
      const services = new Set(Array.from({ length: r.int(1, 2) }, () => r.pick(SERVICES)));
      for (const s of services) await w.add('contract_service', ['contract_id', 'service'], [c, s]);

      if (r.chance(0.7)) {
        const [low, high, basis, wording] = r.pick(RANGES);
        await w.add(
          'quantity',
          ['id', 'measure', 'low', 'high', 'unit', 'basis', 'wording', 'contract_id'],
          [(quantityId += 1), 'JOBS_AFFECTED', low, high, 'JOBS', basis, wording, c],
        );
        await cite('QUANTITY', quantityId, wording);
      }
      if (r.chance(0.4)) {
        const perYear = r.chance(0.5);
        const amount = r.int(1, 50) * 100_000;
        await w.add(
          'quantity',
          ['id', 'measure', 'low', 'high', 'unit', 'basis', 'wording', 'period', 'contract_id'],
          [
            (quantityId += 1),
            'SAVINGS_CLAIMED',
            amount,
            r.chance(0.2) ? null : amount * 2,
            'GBP',
            'RANGE',
            `£${amount} or more`,
            perYear ? 'PER_YEAR' : 'TOTAL',
            c,
          ],
        );
        await cite('QUANTITY', quantityId, `savings of £${amount}`);
      }
      if (r.chance(0.1)) {
        const lost = r.int(1, 200) * 1_000_000;
        await w.add(
          'quantity',
          ['id', 'measure', 'low', 'high', 'unit', 'basis', 'wording', 'contract_id'],
          [(quantityId += 1), 'MONEY_LOST', lost, lost, 'GBP', 'EXACT', `£${lost} lost`, c],
        );
        await cite('QUANTITY', quantityId, `£${lost} lost`);
      }
      if (r.chance(0.3)) {
        const location = r.int(1, LOCATIONS.length);
        const status = r.pick(['PLANNED', 'ALLEGED', 'CONFIRMED']);
        await w.add(
          'offshoring',
          ['id', 'slug', 'status', 'contract_id', 'location_id'],
          [(offshoringId += 1), `offshoring-${offshoringId}`, status, c, location],
        );
        await cite('OFFSHORING', offshoringId, `work moving to ${LOCATIONS[location - 1]}`);
        const proposition = `contract ${c} moves work to ${LOCATIONS[location - 1]}`;
        const union = [...unionIds][0] ?? r.int(1, unions);
        await w.add(
          'claim',
          ['id', 'slug', 'statement', 'stance', 'proposition', 'union_id', 'contract_id', 'offshoring_id'],
          [
            (claimId += 1),
            `claim-${claimId}`,
            `Jobs will go to ${LOCATIONS[location - 1]}.`,
            'ASSERTS',
            proposition,
            union,
            c,
            offshoringId,
          ],
        );
        await cite('CLAIM', claimId, 'jobs will go abroad');
        if (status === 'ALLEGED' && r.chance(0.5)) {
          // The other side: a denial, as its own entry and claim, which makes the contract contested.
          await w.add(
            'offshoring',
            ['id', 'slug', 'status', 'contract_id', 'location_id'],
            [(offshoringId += 1), `offshoring-${offshoringId}`, 'DENIED', c, location],
          );
          await w.add(
            'claim',
            ['id', 'slug', 'statement', 'stance', 'proposition', 'public_body_id', 'contract_id', 'offshoring_id'],
            [(claimId += 1), `claim-${claimId}`, 'No jobs will move abroad.', 'DENIES', proposition, [...buyers][0], c, offshoringId],
          );
          await cite('CLAIM', claimId, 'no jobs will move abroad');
        }
      }
      if (r.chance(0.5)) {
        await w.add(
          'event',
          ['id', 'slug', 'kind', 'title', 'contract_id', 'date_year'],
          [
            (eventId += 1),
            `event-${eventId}`,
            r.pick(['DECISION', 'ANNOUNCEMENT', 'TRANSFER']),
            `Milestone of contract ${c}`,
            c,
            year ?? r.int(2000, 2024),
          ],
        );
      }
    }
    await w.flush();
    // Fresh statistics for the query planner, as any bulk load should leave them.
    await tx.query('ANALYZE');
    await w.syncSequences([
      'source',
      'public_body',
      'supplier',
      'trade_union',
      'offshore_location',
      'contract',
      'quantity',
      'offshoring',
      'claim',
      'citation',
      'event',
      'search_entry',
    ]);
    return w.rowsWritten;
  });
  // What autovacuum does after a bulk load, done now (it may be off, or minutes behind): the pages marked
  // all-visible, so an index-only scan need not visit the table (ours do, from every export part).
  if (postgres) await ds.query('VACUUM (ANALYZE)');
  return rows;
}

async function main() {
  const { values } = parseArgs({
    options: {
      contracts: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      reset: { type: 'boolean', default: false },
    },
  });
  const contracts = Number(values.contracts);
  const seed = Number(values.seed);
  if (!Number.isInteger(contracts) || contracts < 1) throw new Error('--contracts must be a whole number of at least 1.');
  const ds = await openDatabase(targetFromConfig());
  try {
    if (await ds.getRepository(Contract).count()) {
      if (!values.reset) throw new Error('The database already holds contracts; pass --reset to replace everything in it.');
      await ds.transaction((tx) => clearAll(tx));
    }
    const started = process.hrtime.bigint();
    const rows = await generate(ds, { contracts, seed });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(
      `Generated ${contracts.toLocaleString('en-GB')} contracts (seed ${seed}): ${rows.toLocaleString('en-GB')} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s).`,
    );
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
