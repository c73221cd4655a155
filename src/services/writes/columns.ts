import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { badUserInput } from '../../errors';
import type { FieldValues } from '../../schema/inputs/define-inputs';
import type { PartialDateInput } from '../../schema/inputs/common';
import { resolveRef } from './references';

/** Builds a column patch from the input fields present (left out = unchanged, null = cleared). */
export class Patch {
  readonly columns: Record<string, unknown> = {};

  constructor(
    private readonly tx: EntityManager,
    private readonly values: FieldValues,
  ) {}

  has(field: string): boolean {
    return this.values[field] !== undefined;
  }

  /** Copies fields whose column has the same name and needs no conversion. */
  copy(...fields: string[]): this {
    for (const f of fields) if (this.has(f)) this.columns[f] = this.values[f];
    return this;
  }

  /** Aliases: replaced when given, empty for a new record. */
  aliases(creating: boolean): this {
    if (this.has('aliases') || creating) this.columns.aliases = this.values.aliases ?? [];
    return this;
  }

  /** A reference by global ID into an id column (`parent` → `parentId`). */
  async ref(field: string, entity: new () => { id: number }, column = `${field}Id`): Promise<this> {
    if (!this.has(field)) return this;
    const value = this.values[field] as string | null;
    this.columns[column] = value == null ? null : await resolveRef(this.tx, `${field}`, value, entity);
    return this;
  }

  date(field: string, column = field): this {
    if (!this.has(field)) return this;
    const d = this.values[field] as PartialDateInput | null;
    if (d != null) checkDate(`${field}`, d);
    this.columns[column] = { year: d?.year ?? null, month: d?.month ?? null, day: d?.day ?? null, wording: d?.wording ?? null };
    return this;
  }
}

/** A partial date must be a real one: a day needs its month, and the day must exist in that month. */
function checkDate(field: string, d: PartialDateInput) {
  if (d.day != null && d.month == null) throw badUserInput(`${field}.day`, 'needs a month: a day without its month is no date.');
  if (d.day != null && d.month != null) {
    const days = new Date(Date.UTC(d.year ?? 2000, d.month, 0)).getUTCDate(); // 2000: a leap year, so 29 February stands when the year is unknown
    if (d.day > days) throw badUserInput(`${field}.day`, `${d.day} is past the end of month ${d.month}.`);
  }
}

/** Resolves a list of references, naming the offending element. */
export async function resolveRefs(tx: EntityManager, field: string, ids: string[], entity: new () => { id: number }): Promise<number[]> {
  const out: number[] = [];
  for (const [i, id] of ids.entries()) out.push(await resolveRef(tx, `${field}[${i}]`, id, entity));
  if (new Set(out).size !== out.length) throw badUserInput(field, 'lists the same record twice.');
  return out;
}

/**
 * Replaces a record's links: its old ones deleted (a record just created has none to delete), the new ones
 * written in one statement (none for an empty list) rather than one statement a link.
 */
export async function replaceLinks<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  owner: FindOptionsWhere<T>,
  rows: QueryDeepPartialEntity<T>[],
  created: boolean,
) {
  if (!created) await tx.delete(entity, owner);
  if (rows.length) await tx.insert(entity, rows);
}
