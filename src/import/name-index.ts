import type { EntityManager } from 'typeorm';
import { PublicBody, Supplier } from '../entities';
import { MatchMethod, MatchedType } from '../schema/enums';
import { matchName } from './identifiers';

interface Entry {
  id: number;
  method: MatchMethod.NAME | MatchMethod.ALIAS;
}

/**
 * Names and aliases of the current bodies and suppliers, by their matching form, read once per import
 * run rather than once per party. Entities created inside a release's transaction are staged and only
 * kept if it commits.
 */
export class NameIndex {
  private readonly loaded = new Map<MatchedType, Map<string, Entry>>();
  private staged: Array<[MatchedType, string, Entry]> = [];

  async find(tx: EntityManager, type: MatchedType, name: string): Promise<Entry | undefined> {
    const index = this.loaded.get(type) ?? (await this.load(tx, type));
    const key = matchName(name);
    return this.staged.find(([t, k]) => t === type && k === key)?.[2] ?? index.get(key);
  }

  stage(type: MatchedType, names: string[], id: number) {
    for (const [i, name] of names.entries())
      this.staged.push([type, matchName(name), { id, method: i === 0 ? MatchMethod.NAME : MatchMethod.ALIAS }]);
  }

  commit() {
    for (const [type, key, entry] of this.staged) if (!this.loaded.get(type)?.has(key)) this.loaded.get(type)?.set(key, entry);
    this.staged = [];
  }

  rollback() {
    this.staged = [];
  }

  private async load(tx: EntityManager, type: MatchedType) {
    const rows = await tx
      .getRepository<PublicBody | Supplier>(type === MatchedType.PUBLIC_BODY ? PublicBody : Supplier)
      .find({ select: { id: true, name: true, aliases: true } });
    const index = new Map<string, Entry>();
    // Names win over aliases, and the oldest record over a newer one with the same name.
    for (const row of rows) if (!index.has(matchName(row.name))) index.set(matchName(row.name), { id: row.id, method: MatchMethod.NAME });
    for (const row of rows)
      for (const alias of row.aliases)
        if (!index.has(matchName(alias))) index.set(matchName(alias), { id: row.id, method: MatchMethod.ALIAS });
    this.loaded.set(type, index);
    return index;
  }
}
