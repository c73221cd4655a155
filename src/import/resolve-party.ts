import { type EntityManager, IsNull } from 'typeorm';
import { Citation, PartyMatch, PublicBody, Supplier } from '../entities';
import { MatchedType, MatchMethod, PublicBodyKind, Sector, SubjectType } from '../schema/enums';
import { indexSubject } from '../services/search-index';
import { searchTextsOf } from '../services/searchable';
import { chooseSlug } from '../services/writes/slugs';
import { matchName } from './identifiers';
import type { MappedParty } from './map-release';
import type { NameIndex } from './name-index';

export interface Resolved {
  id: number;
  /** The match made now, when this party had none. */
  match: PartyMatch | null;
}

const LOCAL = /\b(council|borough|county|district|metropolitan|city of|combined authority)\b/i;

/** A body's sector when the data lets us say: a local-authority code or a council's name; else unknown. */
const sectorOf = (party: MappedParty) =>
  party.key?.scheme === 'GB-LAC' || LOCAL.test(party.name) ? Sector.LOCAL_GOVERNMENT : Sector.UNKNOWN;

/**
 * Finds the body or supplier an imported party is: by its identifier when it has been matched before,
 * else by its normalised name or an alias, else a new record. A match made now is recorded (and its
 * published name kept as an alias when it differs), so a researcher can see it and undo it.
 */
export async function resolveParty(
  tx: EntityManager,
  names: NameIndex,
  party: MappedParty,
  type: MatchedType,
  sourceId: number,
): Promise<Resolved> {
  const entity = type === MatchedType.PUBLIC_BODY ? PublicBody : Supplier;
  const subjectType = type === MatchedType.PUBLIC_BODY ? SubjectType.PUBLIC_BODY : SubjectType.SUPPLIER;
  const key = party.key ?? { scheme: 'NAME', identifier: matchName(party.name) };

  const known = await tx.findOne(PartyMatch, {
    where: { entityType: type, scheme: key.scheme, identifier: key.identifier, undoneAt: IsNull() },
  });
  if (known && (await tx.getRepository<PublicBody | Supplier>(entity).exists({ where: { id: known.entityId } }))) {
    await keepAlias(tx, entity, subjectType, known.entityId, party.name);
    return { id: known.entityId, match: null };
  }

  const byName = await names.find(tx, type, party.name);
  let id: number;
  let method: MatchMethod;
  if (byName) {
    id = byName.id;
    method = byName.method;
    await keepAlias(tx, entity, subjectType, id, party.name);
  } else {
    id = await createRecord(tx, type, party.name, sectorOf(party), { sourceId, quote: party.quote, note: party.pointer });
    names.stage(type, [party.name], id);
    method = MatchMethod.CREATED;
  }
  const match = await tx.save(
    tx.create(PartyMatch, {
      scheme: key.scheme,
      identifier: key.identifier,
      publishedName: party.name,
      entityType: type,
      entityId: id,
      method,
      note: party.note,
      sourceId,
    }),
  );
  return { id, match };
}

/**
 * A public body or supplier made from a party's published name (an import's unmatched party, or one whose
 * wrong match was undone): cited to where the name came from, and searchable.
 */
export async function createRecord(
  tx: EntityManager,
  type: MatchedType,
  name: string,
  sector: Sector,
  citation: { sourceId: number; quote: string; note: string },
): Promise<number> {
  const entity = type === MatchedType.PUBLIC_BODY ? PublicBody : Supplier;
  const subjectType = type === MatchedType.PUBLIC_BODY ? SubjectType.PUBLIC_BODY : SubjectType.SUPPLIER;
  const slug = await chooseSlug(tx, entity, null, name);
  const values =
    type === MatchedType.PUBLIC_BODY ? { slug, name, aliases: [], kind: PublicBodyKind.UNCLASSIFIED, sector } : { slug, name, aliases: [] };
  const id = (await tx.insert(entity, values)).identifiers[0].id as number;
  await tx.insert(Citation, { ...citation, subjectType, subjectId: id });
  await indexSubject(tx, subjectType, id, searchTextsOf(subjectType, { name, aliases: [] }));
  return id;
}

/** A name spelt another way is kept as an alias, so search finds the record under both. */
async function keepAlias(
  tx: EntityManager,
  entity: typeof PublicBody | typeof Supplier,
  subjectType: SubjectType,
  id: number,
  name: string,
) {
  const row = await tx.getRepository<PublicBody | Supplier>(entity).findOneByOrFail({ id });
  if (row.name === name || row.aliases.includes(name)) return;
  row.aliases = [...row.aliases, name];
  await tx.getRepository<PublicBody | Supplier>(entity).update({ id }, { aliases: row.aliases });
  await indexSubject(tx, subjectType, id, searchTextsOf(subjectType, row));
}
