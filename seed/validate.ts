// Checks the seed data against its source texts and its own references.
// validateSeed returns human-readable errors; an empty list means the data is valid.
import * as fs from 'fs';
import * as path from 'path';
import {
  Basis,
  ContractStatus,
  EventKind,
  LocationKind,
  Measure,
  OffshoringStatus,
  Period,
  PublicBodyKind,
  Sector,
  Service,
  SourceKind,
  Stance,
  SupplierRole,
  UnionRole,
  Unit,
} from '../src/schema/enums';
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

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{2}$/;

export function validateSeed(data: SeedData, sourceTexts: Record<string, string>): string[] {
  const errors: string[] = [];
  const err = (where: string, message: string): void => {
    errors.push(`${where}: ${message}`);
  };
  const texts = new Map(Object.entries(sourceTexts).map(([name, text]) => [name, forQuoteMatching(text)]));

  const isEnum = (values: object, value: unknown): boolean =>
    typeof value === 'string' && (Object.values(values) as unknown[]).includes(value);
  const checkEnum = (where: string, field: string, values: object, value: unknown): void => {
    if (!isEnum(values, value)) err(where, `${field} ${JSON.stringify(value)} is not one of ${Object.values(values).join(', ')}`);
  };
  const nonEmpty = (where: string, field: string, value: unknown): void => {
    if (typeof value !== 'string' || value.trim() === '') err(where, `${field} must be a non-empty string`);
  };
  const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

  // Slugs: kebab-case, unique per type. Offshoring slugs are unique across all contracts.
  const slugSet = (kind: string, items: { slug: string }[]): Set<string> => {
    const seen = new Set<string>();
    for (const item of items) {
      if (typeof item.slug !== 'string' || !SLUG.test(item.slug)) err(`${kind}[${item.slug}]`, 'slug must be lowercase kebab-case');
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
  const offshoringContract = new Map(offshoringEntries.map((o) => [o.slug, o.contract]));

  const ref = (where: string, field: string, set: Set<string>, kind: string, value: unknown): void => {
    if (value === undefined) return;
    if (typeof value !== 'string' || !set.has(value)) err(where, `${field} ${JSON.stringify(value)} is not a known ${kind}`);
  };

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

  const date = (where: string, d: PartialDateSeed | undefined): void => {
    if (d === undefined) return;
    nonEmpty(where, 'date.wording', d.wording);
    if (d.year !== undefined && !isInt(d.year)) err(where, `date.year ${d.year} must be an integer`);
    if (d.month !== undefined && (!isInt(d.month) || d.month < 1 || d.month > 12)) err(where, `date.month ${d.month} must be 1–12`);
    if (d.day !== undefined && (!isInt(d.day) || d.day < 1 || d.day > 31)) err(where, `date.day ${d.day} must be 1–31`);
    if (d.day !== undefined && d.month === undefined) err(where, 'date.day given without a month');
  };

  const quantities = (where: string, list: QuantitySeed[] | undefined): void => {
    (list ?? []).forEach((q, i) => {
      const at = `${where}.quantities[${i}]`;
      checkEnum(at, 'measure', Measure, q.measure);
      checkEnum(at, 'unit', Unit, q.unit);
      checkEnum(at, 'basis', Basis, q.basis);
      if (q.period !== undefined) checkEnum(at, 'period', Period, q.period);
      nonEmpty(at, 'wording', q.wording);
      if (typeof q.low !== 'number' || !Number.isFinite(q.low)) err(at, 'low must be a number');
      else if (q.low < 0) err(at, `low ${q.low} must be ≥ 0`);
      if (q.high !== null && (typeof q.high !== 'number' || !Number.isFinite(q.high))) err(at, 'high must be a number or null');
      if (typeof q.high === 'number' && q.low > q.high) err(at, `low ${q.low} is greater than high ${q.high}`);
      if (q.basis === Basis.AT_LEAST && q.high !== null) err(at, 'AT_LEAST must have high null');
      if (q.basis !== Basis.AT_LEAST && q.high === null) err(at, `high may be null only for AT_LEAST, not ${q.basis}`);
      if ((q.basis === Basis.EXACT || q.basis === Basis.APPROXIMATE) && q.low !== q.high)
        err(at, `${q.basis} must have low = high (got ${q.low}–${q.high})`);
      if (q.basis === Basis.AT_MOST && q.low !== 0) err(at, 'AT_MOST must have low 0');
      if (q.unit === Unit.PERCENT && typeof q.high === 'number' && q.high > 100) err(at, 'a PERCENT cannot exceed 100');
      if (q.priceYear !== undefined && !isInt(q.priceYear)) err(at, 'priceYear must be an integer');
      ref(at, 'publicBody', bodies, 'public body', q.publicBody);
      if (q.measure === Measure.MEMBERS_SHARE_OF_STAFF && (q.publicBody === undefined || q.unit !== Unit.PERCENT))
        err(at, 'MEMBERS_SHARE_OF_STAFF needs a publicBody and unit PERCENT');
      citations(at, q.citations);
    });
  };

  // Sources: one record per known file, each file described.
  const described = new Set<string>();
  for (const s of data.sources) {
    const at = `sources[${s.slug}]`;
    if (!texts.has(s.fileName)) err(at, `fileName ${JSON.stringify(s.fileName)} is not a source file`);
    if (described.has(s.fileName)) err(at, `${s.fileName} is described twice`);
    described.add(s.fileName);
    nonEmpty(at, 'title', s.title);
    nonEmpty(at, 'summary', s.summary);
    checkEnum(at, 'kind', SourceKind, s.kind);
    date(at, s.date);
  }
  for (const name of texts.keys()) if (!described.has(name)) err(`sources`, `no source record for ${name}`);

  for (const b of data.publicBodies) {
    const at = `publicBodies[${b.slug}]`;
    nonEmpty(at, 'name', b.name);
    checkEnum(at, 'kind', PublicBodyKind, b.kind);
    checkEnum(at, 'sector', Sector, b.sector);
    ref(at, 'parent', bodies, 'public body', b.parent);
    if (b.parent === b.slug) err(at, 'is its own parent');
    quantities(at, b.quantities);
    citations(at, b.citations);
  }

  for (const s of data.suppliers) {
    const at = `suppliers[${s.slug}]`;
    nonEmpty(at, 'name', s.name);
    ref(at, 'parent', suppliers, 'supplier', s.parent);
    if (s.parent === s.slug) err(at, 'is its own parent');
    if (s.homeCountry !== undefined && !COUNTRY.test(s.homeCountry))
      err(at, `homeCountry ${JSON.stringify(s.homeCountry)} must be two upper-case letters`);
    citations(at, s.citations);
  }

  for (const u of data.unions) {
    const at = `unions[${u.slug}]`;
    nonEmpty(at, 'name', u.name);
    quantities(at, u.quantities);
    citations(at, u.citations);
  }

  for (const l of data.offshoreLocations) {
    const at = `offshoreLocations[${l.slug}]`;
    nonEmpty(at, 'name', l.name);
    checkEnum(at, 'kind', LocationKind, l.kind);
    if (l.countryCode !== undefined && !COUNTRY.test(l.countryCode))
      err(at, `countryCode ${JSON.stringify(l.countryCode)} must be two upper-case letters`);
    if (l.kind === LocationKind.COUNTRY && l.countryCode === undefined) err(at, 'a COUNTRY needs a countryCode');
    if (l.kind === LocationKind.REGION && l.countryCode !== undefined) err(at, 'a REGION has no countryCode');
    citations(at, l.citations);
  }

  for (const p of data.people) {
    const at = `people[${p.slug}]`;
    nonEmpty(at, 'name', p.name);
    p.roles.forEach((r, i) => {
      const rat = `${at}.roles[${i}]`;
      nonEmpty(rat, 'title', r.title);
      ref(rat, 'publicBody', bodies, 'public body', r.publicBody);
      ref(rat, 'union', unions, 'union', r.union);
      ref(rat, 'supplier', suppliers, 'supplier', r.supplier);
      citations(rat, r.citations);
    });
    citations(at, p.citations);
  }

  for (const c of data.contracts) {
    const at = `contracts[${c.slug}]`;
    nonEmpty(at, 'title', c.title);
    nonEmpty(at, 'description', c.description);
    checkEnum(at, 'status', ContractStatus, c.status);
    c.services.forEach((s) => checkEnum(at, 'service', Service, s));
    if (c.buyers.length === 0) err(at, 'needs at least one buyer');
    c.buyers.forEach((b) => ref(at, 'buyer', bodies, 'public body', b));
    c.suppliers.forEach((s) => {
      ref(at, 'supplier', suppliers, 'supplier', s.supplier);
      checkEnum(at, 'supplier role', SupplierRole, s.role);
    });
    c.unions.forEach((u) => {
      ref(at, 'union', unions, 'union', u.union);
      checkEnum(at, 'union role', UnionRole, u.role);
    });
    date(at, c.startDate);
    quantities(at, c.quantities);
    (c.offshoring ?? []).forEach((o) => {
      const oat = `${at}.offshoring[${o.slug}]`;
      ref(oat, 'location', locations, 'offshore location', o.location);
      checkEnum(oat, 'status', OffshoringStatus, o.status);
      nonEmpty(oat, 'description', o.description);
      quantities(oat, o.quantities);
      citations(oat, o.citations);
    });
    citations(at, c.citations);
  }

  for (const c of data.claims) {
    const at = `claims[${c.slug}]`;
    nonEmpty(at, 'statement', c.statement);
    nonEmpty(at, 'proposition', c.proposition);
    checkEnum(at, 'stance', Stance, c.stance);
    const who = c.claimant ?? {};
    if (![who.person, who.union, who.publicBody, who.supplier, who.description].some((v) => typeof v === 'string' && v.trim() !== ''))
      err(at, 'claimant names nobody');
    ref(at, 'claimant.person', people, 'person', who.person);
    ref(at, 'claimant.union', unions, 'union', who.union);
    ref(at, 'claimant.publicBody', bodies, 'public body', who.publicBody);
    ref(at, 'claimant.supplier', suppliers, 'supplier', who.supplier);
    ref(at, 'contract', contracts, 'contract', c.contract);
    ref(at, 'offshoring', offshorings, 'offshoring entry', c.offshoring);
    if (
      c.offshoring !== undefined &&
      c.contract !== undefined &&
      offshoringContract.has(c.offshoring) &&
      offshoringContract.get(c.offshoring) !== c.contract
    )
      err(at, `offshoring ${c.offshoring} belongs to contract ${offshoringContract.get(c.offshoring)}, not ${c.contract}`);
    date(at, c.date);
    citations(at, c.citations);
  }

  // An offshoring entry is one party's word: it must say whose, through at least one claim.
  const backed = new Set(data.claims.map((c) => c.offshoring).filter((slug) => slug !== undefined));
  for (const o of offshoringEntries) {
    if (!backed.has(o.slug)) err(`contracts[${o.contract}].offshoring[${o.slug}]`, 'no claim backs this entry (who says so?)');
  }

  for (const e of data.events) {
    const at = `events[${e.slug}]`;
    nonEmpty(at, 'title', e.title);
    checkEnum(at, 'kind', EventKind, e.kind);
    date(at, e.date);
    ref(at, 'contract', contracts, 'contract', e.contract);
    ref(at, 'publicBody', bodies, 'public body', e.publicBody);
    e.unions.forEach((u) => ref(at, 'union', unions, 'union', u));
    citations(at, e.citations);
  }

  return errors;
}
