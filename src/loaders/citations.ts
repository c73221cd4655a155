import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Citation } from '../entities';
import type { SubjectType } from '../schema/enums';
import { BATCH, groupBy } from './batch';

export const subjectKey = (type: SubjectType, id: number) => `${type}:${id}`;

/** Citations by subject (`TYPE:id`): one statement for any mix of subject types. */
export function citationsBySubjectLoader(ds: DataSource) {
  return new DataLoader<string, Citation[]>(async (keys) => {
    const wanted = groupBy(
      keys.map((key) => key.split(':')),
      ([type]) => type,
    );
    const qb = ds.getRepository(Citation).createQueryBuilder('ci');
    let i = 0;
    for (const [type, pairs] of wanted) {
      qb.orWhere(`(ci.subject_type = :type${i} AND ci.subject_id IN (:...ids${i}))`, {
        [`type${i}`]: type,
        [`ids${i}`]: pairs.map(([, id]) => Number(id)),
      });
      i += 1;
    }
    const rows = await qb.orderBy('ci.id', 'ASC').getMany();
    const groups = groupBy(rows, (row) => subjectKey(row.subjectType, row.subjectId));
    return keys.map((key) => groups.get(key) ?? []);
  }, BATCH);
}
