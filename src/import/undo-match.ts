import type { EntityManager } from 'typeorm';
import { ContractBuyer, ContractSupplier, OcdsRelease, PartyMatch, PublicBody, Supplier } from '../entities';
import { MatchedType, MatchMethod, Sector, SubjectType } from '../schema/enums';
import { badUserInput } from '../errors';
import { indexSubject } from '../services/search-index';
import { searchTextsOf } from '../services/searchable';
import { createRecord } from './resolve-party';

export interface Undone {
  undone: PartyMatch;
  /** The match to the record made for the party instead. */
  replacement: PartyMatch;
  /** Contracts whose link moved to the new record. */
  contractIds: number[];
}

/**
 * Undoes a name or alias match: the party gets a record of its own (made from its published name), the
 * contracts whose releases named it are linked to that record instead, and the name it lent the old
 * record as an alias is taken back. The undone match keeps its row, with the time it was undone; later
 * imports of the party find the new record by its identifier.
 */
export async function undoPartyMatch(tx: EntityManager, id: number): Promise<Undone> {
  const match = await tx.findOne(PartyMatch, { where: { id } });
  if (!match) throw badUserInput('id', 'no party match has this ID.');
  if (match.undoneAt) throw badUserInput('id', 'this match was already undone.');
  if (match.method === MatchMethod.CREATED) {
    throw badUserInput('id', 'this party was not matched to an existing record: its record was made from it. Archive the record instead.');
  }
  const isBody = match.entityType === MatchedType.PUBLIC_BODY;
  const entity = isBody ? PublicBody : Supplier;
  const subjectType = isBody ? SubjectType.PUBLIC_BODY : SubjectType.SUPPLIER;

  const newId = await createRecord(tx, match.entityType, match.publishedName, Sector.UNKNOWN, {
    sourceId: match.sourceId,
    quote: `"name": ${JSON.stringify(match.publishedName)}`,
    note: `match ${id} undone`,
  });

  // The contracts whose imported releases named this party (by its key) move to the new record.
  const side = isBody ? 'buyers' : 'suppliers';
  const party = {
    name: match.publishedName,
    scheme: match.scheme === 'NAME' ? null : match.scheme,
    identifier: match.scheme === 'NAME' ? null : match.identifier,
  };
  const ref = JSON.stringify(party).slice(1, -1);
  // LIKE narrows by the text (its _ and % only widen the net); the parsed history decides.
  const releases = await tx
    .createQueryBuilder(OcdsRelease, 'r')
    .where('r.contract_id IS NOT NULL')
    .andWhere('r.values LIKE :ref', { ref: `%${ref}%` })
    .getMany();
  const named = (r: OcdsRelease) =>
    (JSON.parse(r.values)[side] as Array<typeof party>).some(
      (p) => p.name === party.name && p.scheme === party.scheme && p.identifier === party.identifier,
    );
  const contractIds = [...new Set(releases.filter(named).map((r) => r.contractId!))];
  for (const contractId of contractIds) {
    if (isBody) {
      if (await tx.existsBy(ContractBuyer, { contractId, publicBodyId: match.entityId })) {
        await tx.delete(ContractBuyer, { contractId, publicBodyId: match.entityId });
        await tx.insert(ContractBuyer, { contractId, publicBodyId: newId });
      }
    } else {
      const link = await tx.findOneBy(ContractSupplier, { contractId, supplierId: match.entityId });
      if (link) {
        await tx.delete(ContractSupplier, { contractId, supplierId: match.entityId });
        await tx.insert(ContractSupplier, { contractId, supplierId: newId, role: link.role });
      }
    }
  }

  const old = await tx.getRepository<PublicBody | Supplier>(entity).findOneBy({ id: match.entityId });
  if (old?.aliases.includes(match.publishedName)) {
    old.aliases = old.aliases.filter((a) => a !== match.publishedName);
    await tx.getRepository<PublicBody | Supplier>(entity).update({ id: old.id }, { aliases: old.aliases });
    await indexSubject(tx, subjectType, old.id, searchTextsOf(subjectType, old));
  }
  await tx.update(PartyMatch, { id }, { undoneAt: new Date() });
  const replacement = await tx.save(
    tx.create(PartyMatch, {
      scheme: match.scheme,
      identifier: match.identifier,
      publishedName: match.publishedName,
      entityType: match.entityType,
      entityId: newId,
      method: MatchMethod.CREATED,
      note: `Made when match ${id} (to record ${match.entityId}) was undone.`,
      sourceId: match.sourceId,
    }),
  );
  return { undone: await tx.findOneByOrFail(PartyMatch, { id }), replacement, contractIds };
}
