import { type EntityManager, In, IsNull } from 'typeorm';
import {
  AuditEntry,
  Citation,
  Contract,
  ContractBuyer,
  ContractClassification,
  ContractService,
  ContractSupplier,
  Event,
  OcdsRelease,
  Quantity,
} from '../entities';
import { Basis, DEFAULT_SUPPLIER_ROLE, EventKind, MatchedType, Measure, Period, SubjectType, Unit } from '../schema/enums';
import type { PartyMatch } from '../entities/party-match';
import { indexSubject, unindexSubjects } from '../services/search-index';
import { SEARCHABLE } from '../services/searchable';
import { replaceLinks } from '../services/writes/columns';
import { chooseSlug } from '../services/writes/slugs';
import type { DayDate, MappedRelease } from './map-release';
import type { NameIndex } from './name-index';
import { resolveParty } from './resolve-party';

export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface Applied {
  outcome: Outcome;
  contractId: number | null;
  matches: PartyMatch[];
  /** Why a release was skipped. */
  reason?: string;
}

const noDate = { year: null, month: null, day: null, wording: null };
const asDate = (d: DayDate | null) => (d ? { year: d.year, month: d.month, day: d.day, wording: d.wording } : noDate);

/** A party as the history keeps it: its name, and the key an undone match is traced by. */
export const partyRef = (p: { name: string; key: { scheme: string; identifier: string } | null }) => ({
  name: p.name,
  scheme: p.key?.scheme ?? null,
  identifier: p.key?.identifier ?? null,
});

/** What a release said, kept with it as the contract's history. */
const snapshot = (m: MappedRelease) => ({
  title: m.title.text,
  status: m.status,
  values: m.values.map((v) => v.amount),
  startDate: m.startDate?.wording ?? null,
  endDate: m.endDate?.wording ?? null,
  buyers: m.buyers.map(partyRef),
  suppliers: m.suppliers.map(partyRef),
  outsourcing: m.outsourcing,
});

/**
 * Deletes records the newest release replaces, with their quotes and, as figures and events an editor added
 * are searchable, their search entries and their quotes' (unindexSubjects).
 */
async function removeRecords(
  tx: EntityManager,
  subjectType: SubjectType,
  entity: typeof Quantity | typeof Event,
  records: Array<{ id: number }>,
) {
  if (!records.length) return;
  const ids = records.map((record) => record.id);
  await unindexSubjects(tx, subjectType, ids);
  await tx.delete(Citation, { subjectType, subjectId: In(ids) });
  await tx.delete(entity, { id: In(ids) });
}

/**
 * Writes one mapped release, inside the caller's transaction (all of it or none). The newest release of
 * an ocid sets the contract's current values; every release is kept as history. A contract an import
 * created is the import's to update; one from the documents is only added to (parties, figures,
 * classifications), never overwritten.
 */
export async function applyRelease(
  tx: EntityManager,
  names: NameIndex,
  m: MappedRelease,
  sourceId: number,
  keyName: string,
): Promise<Applied> {
  const previous = await tx.findOne(OcdsRelease, { where: { ocid: m.ocid, releaseId: m.releaseId } });
  if (previous?.digest === m.digest) return { outcome: 'unchanged', contractId: previous.contractId, matches: [] };

  let contract = await tx.findOne(Contract, { where: { ocid: m.ocid }, withDeleted: true });
  if (contract?.archivedAt)
    return { outcome: 'skipped', contractId: contract.id, matches: [], reason: `its contract (${contract.slug}) is archived.` };
  const others = await tx.find(OcdsRelease, { where: { ocid: m.ocid }, select: { releaseId: true, date: true } });
  const newest = others.every((r) => r.releaseId === m.releaseId || Date.parse(r.date) <= Date.parse(m.date));

  const record = async (contractId: number | null) => {
    const row = {
      ocid: m.ocid,
      releaseId: m.releaseId,
      date: m.date,
      tags: m.tags,
      digest: m.digest,
      values: JSON.stringify(snapshot(m)),
      contractId,
      sourceId,
    };
    if (previous) await tx.update(OcdsRelease, { id: previous.id }, row);
    else await tx.insert(OcdsRelease, row);
  };
  if (!contract && !m.awarded) {
    await record(null);
    return {
      outcome: 'skipped',
      contractId: null,
      matches: [],
      reason: 'it has no award or contract yet (a tender alone makes no contract).',
    };
  }

  const before = contract ? { title: contract.title, status: contract.status } : null;
  const cite = (subjectType: SubjectType, subjectId: number, quoted: { quote: string; pointer: string }) =>
    tx.insert(Citation, {
      sourceId,
      subjectType,
      subjectId,
      quote: quoted.quote,
      note: `release ${m.releaseId} of ${m.ocid}, ${quoted.pointer}`,
    });

  let outcome: Outcome = 'updated';
  if (!contract) {
    const slug = await chooseSlug(tx, Contract, null, m.title.text);
    const { identifiers } = await tx.insert(Contract, {
      slug,
      title: m.title.text,
      description: m.description,
      status: m.status,
      ocid: m.ocid,
      imported: true,
      outsourcing: m.outsourcing,
      outsourcingReason: m.outsourcingReason,
      startDate: asDate(m.startDate),
      endDate: asDate(m.endDate),
    });
    contract = await tx.findOneByOrFail(Contract, { id: identifiers[0].id as number });
    await cite(SubjectType.CONTRACT, contract.id, m.title);
    if (m.period) await cite(SubjectType.CONTRACT, contract.id, m.period);
    // Releases that came before there was a contract (a tender) are its history too.
    await tx.update(OcdsRelease, { ocid: m.ocid, contractId: IsNull() }, { contractId: contract.id });
    outcome = 'created';
  } else if (newest && contract.imported) {
    await tx.update(
      Contract,
      { id: contract.id },
      {
        title: m.title.text,
        description: m.description,
        status: m.status,
        outsourcing: m.outsourcing,
        outsourcingReason: m.outsourcingReason,
        startDate: asDate(m.startDate),
        endDate: asDate(m.endDate),
      },
    );
    await cite(SubjectType.CONTRACT, contract.id, m.title);
    if (m.period) await cite(SubjectType.CONTRACT, contract.id, m.period);
  }
  const contractId = contract.id;
  const matches: PartyMatch[] = [];

  if (newest) {
    // Parties: an imported contract's are exactly the newest release's; a document contract only gains.
    const buyers: number[] = [];
    for (const party of m.buyers) {
      const resolved = await resolveParty(tx, names, party, MatchedType.PUBLIC_BODY, sourceId);
      buyers.push(resolved.id);
      if (resolved.match) matches.push(resolved.match);
    }
    const suppliers: number[] = [];
    for (const party of m.suppliers) {
      const resolved = await resolveParty(tx, names, party, MatchedType.SUPPLIER, sourceId);
      suppliers.push(resolved.id);
      if (resolved.match) matches.push(resolved.match);
    }
    if (contract.imported) {
      await tx.delete(ContractBuyer, { contractId });
      await tx.delete(ContractSupplier, { contractId });
    }
    const haveBuyers = new Set((await tx.find(ContractBuyer, { where: { contractId } })).map((b) => b.publicBodyId));
    for (const publicBodyId of new Set(buyers))
      if (!haveBuyers.has(publicBodyId)) await tx.insert(ContractBuyer, { contractId, publicBodyId });
    const haveSuppliers = new Set((await tx.find(ContractSupplier, { where: { contractId } })).map((s) => s.supplierId));
    for (const supplierId of new Set(suppliers)) {
      if (!haveSuppliers.has(supplierId)) await tx.insert(ContractSupplier, { contractId, supplierId, role: DEFAULT_SUPPLIER_ROLE });
    }

    // Published values and award dates are the import's own: replaced by the newest release's.
    const oldFigures = await tx.find(Quantity, { where: { contractId, measure: Measure.CONTRACT_VALUE }, select: { id: true } });
    const oldEvents = await tx.find(Event, { where: { contractId, kind: EventKind.AWARD }, select: { id: true } });
    await removeRecords(tx, SubjectType.QUANTITY, Quantity, oldFigures);
    await removeRecords(tx, SubjectType.EVENT, Event, oldEvents);
    for (const value of m.values) {
      const { identifiers } = await tx.insert(Quantity, {
        measure: Measure.CONTRACT_VALUE,
        low: value.amount,
        high: value.amount,
        unit: Unit.GBP,
        basis: Basis.EXACT,
        period: Period.TOTAL,
        wording: value.quote,
        contractId,
      });
      await cite(SubjectType.QUANTITY, identifiers[0].id as number, value);
    }
    for (const [i, award] of m.awards.entries()) {
      const slug = await chooseSlug(tx, Event, null, `${contract.slug} award ${i + 1}`);
      const { identifiers } = await tx.insert(Event, {
        slug,
        kind: EventKind.AWARD,
        title: `Contract awarded: ${m.title.text}`,
        date: asDate(award.date),
        contractId,
      });
      await cite(SubjectType.EVENT, identifiers[0].id as number, award);
    }

    await replaceLinks(
      tx,
      ContractClassification,
      { contractId },
      m.classifications.map((c) => ({ ...c, contractId })),
      false,
    );
    if (contract.imported) {
      await replaceLinks(
        tx,
        ContractService,
        { contractId },
        m.services.map((service) => ({ contractId, service })),
        false,
      );
      await indexSubject(tx, SubjectType.CONTRACT, contractId, SEARCHABLE.CONTRACT({ title: m.title.text, description: m.description }));
    }
  }

  await record(contractId);
  await tx.insert(AuditEntry, {
    keyName,
    operation: 'importOcds',
    entityType: 'Contract',
    entityId: contractId,
    before: before ? JSON.stringify(before) : null,
    after: JSON.stringify({ release: m.releaseId, ...snapshot(m) }),
  });
  return { outcome, contractId, matches };
}
