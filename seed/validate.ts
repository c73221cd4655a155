// The seed's own rules: its quotes against the source files, its references between seed files, and the
// standards it holds itself to beyond what an editor must meet. Everything else about a record (enums,
// required fields, bounds, cross-field rules) is checked as it is written, by the mutations' inputs and
// specs (seed/load.ts). validateSeed returns human-readable errors; an empty list means the data is valid.
import * as fs from 'fs';
import * as path from 'path';
import type { CitationSeed, PartialDateSeed, QuantitySeed, SeedData } from './types';
import { forQuoteMatching } from '../src/services/text-rules';

/** The JSON file in seed/data/ that holds each key of SeedData. */
export const SEED_FILES: Record<keyof SeedData, string> = {
  sources: 'sources.json',
  publicBodies: 'public-bodies.json',
  suppliers: 'suppliers.json',
  unions: 'unions.json',
  offshoreLocations: 'offshore-locations.json',
  people: 'people.json',
  contracts: 'contracts.json',
  claims: 'claims.json',
  events: 'events.json',
};

/** The folder holding package.json, found by walking up (works from seed/ and from dist/seed/). */
export function projectRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
}

export function loadSeedData(dir: string = path.join(projectRoot(), 'seed', 'data')): SeedData {
  const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const data = {} as Record<keyof SeedData, unknown>;
  for (const key of Object.keys(SEED_FILES) as (keyof SeedData)[]) data[key] = read(SEED_FILES[key]);
  return data as SeedData;
}

/** File name → text for every .txt file in dir. */
export function loadSourceTexts(dir: string = path.join(projectRoot(), 'seed', 'sources')): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.endsWith('.txt')) texts[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  }
  return texts;
}

export function validateSeed(data: SeedData, sourceTexts: Record<string, string>): string[] {
  const errors: string[] = [];
  const err = (where: string, message: string): void => {
    errors.push(`${where}: ${message}`);
  };
  const texts = new Map(Object.entries(sourceTexts).map(([name, text]) => [name, forQuoteMatching(text)]));

  // References between seed files are by slug, so a slug names one record of its type (an offshoring
  // entry's across all contracts).
  const slugSet = (kind: string, items: { slug: string }[]): Set<string> => {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.slug)) err(`${kind}[${item.slug}]`, 'duplicate slug');
      seen.add(item.slug);
    }
    return seen;
  };
  slugSet('sources', data.sources);
  const bodies = slugSet('publicBodies', data.publicBodies);
  const suppliers = slugSet('suppliers', data.suppliers);
  const unions = slugSet('unions', data.unions);
  const locations = slugSet('offshoreLocations', data.offshoreLocations);
  const people = slugSet('people', data.people);
  const contracts = slugSet('contracts', data.contracts);
  slugSet('claims', data.claims);
  slugSet('events', data.events);
  const offshoringEntries = data.contracts.flatMap((c) => (c.offshoring ?? []).map((o) => ({ ...o, contract: c.slug })));
  const offshorings = slugSet('offshoring', offshoringEntries);

  const ref = (where: string, field: string, set: Set<string>, kind: string, value: unknown): void => {
    if (value === undefined) return;
    if (typeof value !== 'string' || !set.has(value)) err(where, `${field} ${JSON.stringify(value)} is not a known ${kind}`);
  };
  const parents = (kind: string, items: { slug: string; parent?: string }[], set: Set<string>, what: string) => {
    const parentOf = new Map(items.map((item) => [item.slug, item.parent]));
    for (const item of items) {
      const at = `${kind}[${item.slug}]`;
      ref(at, 'parent', set, what, item.parent);
      const chain = [item.slug];
      for (let p = item.parent; p !== undefined && parentOf.has(p); p = parentOf.get(p)) {
        if (p === item.slug) {
          err(at, `is its own ancestor (${[...chain, p].join(' → ')})`);
          break;
        }
        if (chain.includes(p)) break; // a loop above this record, reported at its members
        chain.push(p);
      }
    }
  };

  // The seed's standard: every record is backed by at least one quote, each verbatim in its source file.
  const citations = (where: string, list: CitationSeed[] | undefined): void => {
    if (!Array.isArray(list) || list.length === 0) {
      err(where, 'needs at least one citation');
      return;
    }
    list.forEach((c, i) => {
      const at = `${where}.citations[${i}]`;
      const text = texts.get(c.source);
      if (text === undefined) {
        err(at, `source ${JSON.stringify(c.source)} is not a source file`);
        return;
      }
      const quote = typeof c.quote === 'string' ? forQuoteMatching(c.quote) : '';
      if (quote === '') err(at, 'quote is empty');
      else if (!text.includes(quote)) err(at, `quote not found in ${c.source}: ${JSON.stringify(c.quote)}`);
    });
  };

  // The seed's standard: a date keeps the source's own words, so what was left out is seen to be left out.
  const date = (where: string, d: PartialDateSeed | undefined): void => {
    if (d !== undefined && (typeof d.wording !== 'string' || d.wording.trim() === ''))
      err(where, "date.wording must give the source's words");
  };

  const quantities = (where: string, list: QuantitySeed[] | undefined): void => {
    (list ?? []).forEach((q, i) => {
      const at = `${where}.quantities[${i}]`;
      ref(at, 'publicBody', bodies, 'public body', q.publicBody);
      citations(at, q.citations);
    });
  };

  // Sources: one record per source file, and each file described.
  const described = new Set<string>();
  for (const s of data.sources) {
    const at = `sources[${s.slug}]`;
    if (!texts.has(s.fileName)) err(at, `fileName ${JSON.stringify(s.fileName)} is not a source file`);
    if (described.has(s.fileName)) err(at, `${s.fileName} is described twice`);
    described.add(s.fileName);
    date(at, s.date);
  }
  for (const name of texts.keys()) if (!described.has(name)) err(`sources`, `no source record for ${name}`);

  parents('publicBodies', data.publicBodies, bodies, 'public body');
  for (const b of data.publicBodies) {
    const at = `publicBodies[${b.slug}]`;
    quantities(at, b.quantities);
    citations(at, b.citations);
  }

  parents('suppliers', data.suppliers, suppliers, 'supplier');
  for (const s of data.suppliers) citations(`suppliers[${s.slug}]`, s.citations);

  for (const u of data.unions) {
    const at = `unions[${u.slug}]`;
    quantities(at, u.quantities);
    citations(at, u.citations);
  }

  for (const l of data.offshoreLocations) citations(`offshoreLocations[${l.slug}]`, l.citations);

  for (const p of data.people) {
    const at = `people[${p.slug}]`;
    p.roles.forEach((r, i) => {
      const rat = `${at}.roles[${i}]`;
      ref(rat, 'publicBody', bodies, 'public body', r.publicBody);
      ref(rat, 'union', unions, 'union', r.union);
      ref(rat, 'supplier', suppliers, 'supplier', r.supplier);
      citations(rat, r.citations);
    });
    citations(at, p.citations);
  }

  for (const c of data.contracts) {
    const at = `contracts[${c.slug}]`;
    // The seed's standard: a contract from the documents names who buys it.
    if (c.buyers.length === 0) err(at, 'needs at least one buyer');
    c.buyers.forEach((b) => ref(at, 'buyer', bodies, 'public body', b));
    c.suppliers.forEach((s) => ref(at, 'supplier', suppliers, 'supplier', s.supplier));
    c.unions.forEach((u) => ref(at, 'union', unions, 'union', u.union));
    date(at, c.startDate);
    quantities(at, c.quantities);
    (c.offshoring ?? []).forEach((o) => {
      const oat = `${at}.offshoring[${o.slug}]`;
      ref(oat, 'location', locations, 'offshore location', o.location);
      quantities(oat, o.quantities);
      citations(oat, o.citations);
    });
    citations(at, c.citations);
  }

  for (const c of data.claims) {
    const at = `claims[${c.slug}]`;
    const who = c.claimant ?? {};
    ref(at, 'claimant.person', people, 'person', who.person);
    ref(at, 'claimant.union', unions, 'union', who.union);
    ref(at, 'claimant.publicBody', bodies, 'public body', who.publicBody);
    ref(at, 'claimant.supplier', suppliers, 'supplier', who.supplier);
    ref(at, 'contract', contracts, 'contract', c.contract);
    ref(at, 'offshoring', offshorings, 'offshoring entry', c.offshoring);
    date(at, c.date);
    citations(at, c.citations);
  }

  // The seed's standard: an offshoring entry is one party's word, so at least one claim says whose.
  const backed = new Set(data.claims.map((c) => c.offshoring).filter((slug) => slug !== undefined));
  for (const o of offshoringEntries) {
    if (!backed.has(o.slug)) err(`contracts[${o.contract}].offshoring[${o.slug}]`, 'no claim backs this entry (who says so?)');
  }

  for (const e of data.events) {
    const at = `events[${e.slug}]`;
    date(at, e.date);
    ref(at, 'contract', contracts, 'contract', e.contract);
    ref(at, 'publicBody', bodies, 'public body', e.publicBody);
    e.unions.forEach((u) => ref(at, 'union', unions, 'union', u));
    citations(at, e.citations);
  }

  return errors;
}
