import { type DeepPartial, type EntityManager, type FindOptionsWhere, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { conflict } from '../../errors';
import type { EditableNode } from '../../entities/node';
import type { SubjectType } from '../../schema/enums';
import type { FieldValues } from '../../schema/inputs/define-inputs';
import type { CitationInput } from '../../schema/inputs/common';
import { indexSubject, searchRows, type SearchSubjectType, unindexSubjects } from '../search-index';
import { searchTextsOf } from '../searchable';
import { attachCitations } from './citations';
import type { Change } from './mutate';
import { resolveRow } from './references';
import { chooseSlug } from './slugs';

/** How one entity type is written: everything else about create, update and archive is shared. */
/** A type with slugs: the entity of a spec that has a `slugSource`. */
type Sluggable = new () => { id: number; slug: string };

export interface RecordSpec<E extends EditableNode> {
  entity: new () => E;
  /** Under which type its citations and search entries are filed (a citation's own quote: CITATION). */
  subjectType: SearchSubjectType;
  /** For types with a slug: the name a slug is made from. */
  slugSource?: (values: FieldValues, current?: E) => string;
  /** Input values → columns, references resolved; only the keys present in `values` (null clears). */
  columns(tx: EntityManager, values: FieldValues, current?: E): Promise<Partial<E>>;
  /** Rules across fields, checked on the record as it would be saved (throw BAD_USER_INPUT). */
  check?(row: E, tx: EntityManager): void | Promise<void>;
  /** Writes beyond the row itself: links to other records. */
  afterSave?(tx: EntityManager, row: E, values: FieldValues, created: boolean): Promise<void>;
}

/** The columns of a row as plain JSON, for the audit log. */
export function snapshot(tx: EntityManager, entity: new () => object, row: object): object {
  const meta = tx.connection.getMetadata(entity);
  return Object.fromEntries(meta.columns.map((c) => [c.propertyPath, c.getEntityValue(row) ?? null]));
}

const pick = (values: FieldValues, omit: string[]) =>
  Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== undefined && !omit.includes(k)));

async function reload<E extends EditableNode>(tx: EntityManager, spec: RecordSpec<E>, id: number): Promise<E> {
  return tx.getRepository(spec.entity).findOneOrFail({ where: { id } as FindOptionsWhere<E>, withDeleted: true });
}

/** Quotes given with a record are attached to it (a citation is not itself cited). */
async function citeRecord<E extends EditableNode>(tx: EntityManager, spec: RecordSpec<E>, id: number, values: FieldValues) {
  if (spec.subjectType === 'CITATION') return;
  await attachCitations(tx, spec.subjectType as SubjectType, id, values.citations as CitationInput[] | undefined);
}

/**
 * A new record has no entries yet; a changed one has its old entries replaced, unless its searchable texts
 * are as they were (a contract's status or buyers changed): rewriting them would cost the write two
 * statements and the trigram index's upkeep for nothing.
 */
async function reindex<E extends EditableNode>(tx: EntityManager, spec: RecordSpec<E>, row: E, before?: E) {
  const texts = searchTextsOf(spec.subjectType, row);
  if (before && JSON.stringify(searchRows(texts)) === JSON.stringify(searchRows(searchTextsOf(spec.subjectType, before)))) return;
  if (texts.length || before) await indexSubject(tx, spec.subjectType, row.id, texts, before !== undefined);
}

export async function createRecord<E extends EditableNode>(tx: EntityManager, spec: RecordSpec<E>, input: FieldValues): Promise<Change<E>> {
  const values = pick(input, []);
  const columns = await spec.columns(tx, pick(values, ['slug', 'citations']));
  if (spec.slugSource) {
    Object.assign(columns, {
      slug: await chooseSlug(tx, spec.entity as unknown as Sluggable, values.slug as string | undefined, spec.slugSource(values)),
    });
  }
  const row = tx.create(spec.entity, columns as DeepPartial<E>);
  await spec.check?.(row, tx);
  const saved = await tx.save(row);
  await spec.afterSave?.(tx, saved, values, true);
  await citeRecord(tx, spec, saved.id, values);
  const result = await reload(tx, spec, saved.id);
  await reindex(tx, spec, result);
  return { entityType: spec.entity.name, entityId: result.id, before: null, after: snapshot(tx, spec.entity, result), result };
}

export async function updateRecord<E extends EditableNode>(
  tx: EntityManager,
  spec: RecordSpec<E>,
  input: FieldValues & { id: string; version: number },
): Promise<Change<E>> {
  const current = await resolveRow(tx, 'id', input.id, spec.entity);
  const id = current.id;
  if (current.version !== input.version) throw conflict(spec.entity.name, input.id, input.version, current.version);

  const values = pick(input, ['id', 'version']);
  const columns = await spec.columns(tx, pick(values, ['slug', 'citations']), current);
  if (spec.slugSource && values.slug !== undefined) {
    Object.assign(columns, {
      slug: await chooseSlug(tx, spec.entity as unknown as Sluggable, values.slug as string, spec.slugSource(values, current), id),
    });
  }
  await spec.check?.(tx.merge(spec.entity, tx.create(spec.entity, { ...current } as DeepPartial<E>), columns as DeepPartial<E>), tx);

  // The version test is in the UPDATE itself, so of two concurrent updates exactly one can win.
  const updated = await tx
    .createQueryBuilder()
    .update(spec.entity)
    .set({ ...columns, version: () => 'version + 1' } as QueryDeepPartialEntity<E>)
    .where('id = :id AND version = :version AND archived_at IS NULL', { id, version: input.version })
    .execute();
  if (updated.affected !== 1) throw conflict(spec.entity.name, input.id, input.version, null);

  const result = await reload(tx, spec, id);
  await spec.afterSave?.(tx, result, values, false);
  await citeRecord(tx, spec, id, values);
  await reindex(tx, spec, result, current);
  return {
    entityType: spec.entity.name,
    entityId: id,
    before: snapshot(tx, spec.entity, current),
    after: snapshot(tx, spec.entity, result),
    result,
  };
}

export async function archiveRecord<E extends EditableNode>(
  tx: EntityManager,
  spec: RecordSpec<E>,
  input: { id: string; version?: number | null },
): Promise<Change<E>> {
  const current = await resolveRow(tx, 'id', input.id, spec.entity);
  const id = current.id;
  if (input.version != null && current.version !== input.version)
    throw conflict(spec.entity.name, input.id, input.version, current.version);
  const archived = await tx
    .createQueryBuilder()
    .update(spec.entity)
    .set({ archivedAt: new Date(), version: () => 'version + 1' } as QueryDeepPartialEntity<E>)
    .where({ id, version: current.version, archivedAt: IsNull() })
    .execute();
  if (archived.affected !== 1) throw conflict(spec.entity.name, input.id, input.version ?? current.version, null);
  // Archived records leave search, as they leave every other list, and so do the quotes attached to them.
  await unindexSubjects(tx, spec.subjectType, [id]);
  const result = await reload(tx, spec, id);
  return {
    entityType: spec.entity.name,
    entityId: id,
    before: snapshot(tx, spec.entity, current),
    after: snapshot(tx, spec.entity, result),
    result,
  };
}
