import { createHash } from 'node:crypto';
import { ContractStatus, type Service } from '../schema/enums';
import { classify } from './classify';
import { type PartyKey, partyKey, portalName } from './identifiers';
import { cleanText } from '../services/text-rules';
import { repairMojibake } from './repair-text';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);

export interface DayDate {
  year: number;
  month: number;
  day: number;
  wording: string;
}

/** What a quote in a release says, and where: the citation of an imported figure, date or name. */
export interface Quoted {
  quote: string;
  pointer: string;
}

export interface MappedParty extends Quoted {
  key: PartyKey | null;
  name: string;
  note: string | null;
}

export interface MappedValue extends Quoted {
  amount: number;
}

export interface MappedAward extends Quoted {
  date: DayDate;
}

/** A release as the atlas holds it: everything the writer needs, nothing it must look up in the JSON. */
export interface MappedRelease {
  ocid: string;
  releaseId: string;
  date: string;
  tags: string[];
  digest: string;
  /** Whether it describes an award or contract; a tender alone makes no contract. */
  awarded: boolean;
  title: Quoted & { text: string };
  description: string | null;
  status: ContractStatus;
  startDate: DayDate | null;
  endDate: DayDate | null;
  /** Where the dates came from, to cite them. */
  period: Quoted | null;
  buyers: MappedParty[];
  suppliers: MappedParty[];
  /** Tenderers that did not win: reported, not imported. */
  unsuccessful: string[];
  values: MappedValue[];
  awards: MappedAward[];
  classifications: Array<{ scheme: string; code: string; description: string | null }>;
  services: Service[];
  outsourcing: boolean;
  outsourcingReason: string;
  warnings: string[];
}

/** The calendar date as written ("2025-01-06T00:00:00+01:00" is 6 January), never shifted to UTC. */
function dayDate(value: unknown): DayDate | null {
  const text = str(value);
  const m = text && /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), wording: text! } : null;
}

const quote = (key: string, value: unknown) => `"${key}": ${JSON.stringify(value)}`;

/** CPV "45233162-2" and "45233130.0" are 45233162 and 45233130. */
const cpvCode = (id: unknown) => String(id).trim().replace(/\.0+$/, '').replace(/-\d$/, '');

function awardStatus(awards: Json[], contracts: Json[]): ContractStatus {
  const statuses = [...contracts.map((c) => c.status), ...awards.map((a) => a.status)].filter(Boolean);
  if (statuses.length && statuses.every((s) => s === 'cancelled' || s === 'unsuccessful')) return ContractStatus.ABANDONED;
  return ContractStatus.AWARDED;
}

/** Maps one schema-valid OCDS release. Pure: the same release always maps the same way. */
export function mapRelease(release: Json): MappedRelease {
  const warnings: string[] = [];
  const text = (value: unknown, where: string): string | null => {
    const raw = str(value);
    if (raw == null) return null;
    const { text: fixed, repaired } = repairMojibake(raw);
    if (repaired) warnings.push(`${where}: repaired broken text encoding (UTF-8 read as Windows-1252).`);
    // The same rules as the mutations' (a TextRuleError rejects the release, naming the field).
    return cleanText(fixed, where) || null;
  };

  const tender = obj(release.tender);
  const awards = list(release.awards);
  const contracts = list(release.contracts);
  const parties = list(release.parties);

  // The tender's title, else the first award's, else the first contract's, else the ocid itself.
  const titled = (
    [
      ['/tender/title', tender.title],
      ['/awards/0/title', awards[0]?.title],
      ['/contracts/0/title', contracts[0]?.title],
    ] as const
  ).find(([, value]) => str(value));
  const title = titled
    ? { text: text(titled[1], titled[0].slice(1))!, quote: quote('title', titled[1]), pointer: titled[0] }
    : { text: `OCDS ${String(release.ocid)}`, quote: quote('ocid', release.ocid), pointer: '/ocid' };
  const description = text(tender.description ?? awards[0]?.description, 'tender.description');

  // A party's roles say what it is; the buyer reference and award suppliers say so too.
  const roles = (p: Json) => (Array.isArray(p.roles) ? p.roles.map(String) : []);
  const buyerIds = new Set(
    [
      str(obj(release.buyer).id),
      ...parties.filter((p) => roles(p).some((r) => r === 'buyer' || r === 'procuringEntity')).map((p) => str(p.id)),
    ].filter(Boolean),
  );
  const winnerIds = new Set(
    awards
      .filter((a) => a.status !== 'cancelled' && a.status !== 'unsuccessful')
      .flatMap((a) => list(a.suppliers).map((s) => str(s.id)))
      .filter(Boolean),
  );
  const partyOf = (id: string, fallbackName: unknown, role: string): MappedParty | null => {
    const index = parties.findIndex((p) => str(p.id) === id);
    const party = index >= 0 ? parties[index] : { id, name: fallbackName };
    const name = text(party.name ?? obj(party.identifier).legalName ?? fallbackName, `parties[${index}].name`);
    if (!name) {
      warnings.push(`${role} "${id}" has no name: left out.`);
      return null;
    }
    const portal = role === 'buyer' ? portalName(name) : null;
    const address = obj(party.address);
    const where = [str(address.streetAddress), str(address.locality), str(obj(party.details).url), str(obj(party.contactPoint).email)]
      .filter(Boolean)
      .join(', ');
    const note = portal
      ? `Named like the e-tendering portal "${portal}": the publisher may have put the portal in place of the buyer.${where ? ` The data gives: ${where}.` : ''}`
      : null;
    if (note) warnings.push(`buyer "${name}": ${note}`);
    return {
      key: partyKey(party as Json),
      name,
      note,
      quote: quote('name', party.name ?? fallbackName),
      pointer: index >= 0 ? `/parties/${index}/name` : '/buyer/name',
    };
  };
  const buyers = [...buyerIds].map((id) => partyOf(id!, obj(release.buyer).name, 'buyer')).filter((p): p is MappedParty => !!p);
  const awardSuppliers = awards.flatMap((a) => list(a.suppliers));
  const suppliers = [...winnerIds]
    .map((id) => partyOf(id!, awardSuppliers.find((s) => str(s.id) === id)?.name, 'supplier'))
    .filter((p): p is MappedParty => !!p);
  const unsuccessful = parties
    .filter((p) => roles(p).includes('tenderer') && !winnerIds.has(str(p.id)))
    .map((p) => str(p.name) ?? String(p.id));

  const values: MappedValue[] = [];
  const addValue = (value: Json, pointer: string) => {
    if (value.amount == null) return;
    if (typeof value.amount !== 'number' || !Number.isFinite(value.amount) || value.amount < 0) {
      warnings.push(
        `${pointer}: amount ${JSON.stringify(value.amount)} is not a usable number (beyond the safe range, or negative): not stored.`,
      );
      return;
    }
    if (value.currency !== 'GBP') {
      warnings.push(`${pointer}: ${String(value.currency ?? 'no currency')} value not stored: the atlas holds money in GBP.`);
      return;
    }
    values.push({ amount: value.amount, quote: JSON.stringify(value), pointer });
  };
  awards.forEach((a, i) => {
    if (a.status !== 'cancelled' && a.status !== 'unsuccessful') addValue(obj(a.value), `/awards/${i}/value`);
  });
  if (!values.length) contracts.forEach((c, i) => addValue(obj(c.value), `/contracts/${i}/value`));

  const awardDates = awards.flatMap((a, i) => {
    const date = dayDate(a.date);
    return date ? [{ date, quote: quote('date', a.date), pointer: `/awards/${i}/date` }] : [];
  });
  const [periodPointer, periodValue] = (
    [
      ['/contracts/0/period', contracts[0]?.period],
      ['/awards/0/contractPeriod', awards[0]?.contractPeriod],
      ['/tender/contractPeriod', tender.contractPeriod],
    ] as const
  ).find(([, value]) => value && typeof value === 'object') ?? ['', undefined];
  const period = obj(periodValue);

  const classifications = new Map<string, { scheme: string; code: string; description: string | null }>();
  const addClassification = (c: Json) => {
    if (c.id == null) return;
    const scheme = (str(c.scheme) ?? 'UNKNOWN').toUpperCase();
    const code = scheme === 'CPV' ? cpvCode(c.id) : String(c.id).trim();
    classifications.set(`${scheme}:${code}`, { scheme, code, description: text(c.description, 'classification.description') });
  };
  const items = [...list(tender.items), ...awards.flatMap((a) => list(a.items))];
  for (const c of [
    obj(tender.classification),
    ...list(tender.additionalClassifications),
    ...items.flatMap((it) => [obj(it.classification), ...list(it.additionalClassifications)]),
  ])
    addClassification(c);
  const cpv = [...classifications.values()].filter((c) => c.scheme === 'CPV').map((c) => c.code);
  const classified = classify(cpv, [title.text, description]);

  return {
    ocid: String(release.ocid),
    releaseId: String(release.id),
    date: String(release.date),
    tags: (release.tag as unknown[]).map(String),
    digest: createHash('sha256').update(JSON.stringify(release)).digest('hex'),
    awarded: awards.length > 0 || contracts.length > 0,
    title,
    description,
    status: awardStatus(awards, contracts),
    startDate: dayDate(period.startDate),
    endDate: dayDate(period.endDate),
    period: periodValue ? { quote: JSON.stringify(periodValue), pointer: periodPointer } : null,
    buyers,
    suppliers,
    unsuccessful,
    values,
    awards: awardDates,
    classifications: [...classifications.values()],
    services: classified.services,
    outsourcing: classified.outsourcing,
    outsourcingReason: classified.reason,
    warnings,
  };
}
