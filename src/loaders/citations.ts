import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Citation } from '../entities';
import type { SubjectType } from '../schema/enums';
import { BATCH } from './batch';
import { groupBy } from '../util/group-by';

/** What a citation is attached to: the key of the citations loader, which alone knows how it is cached. */
export interface SubjectRef {
  type: SubjectType;
  id: number;
}

const keyOf = (subject: SubjectRef) => `${subject.type}:${subject.id}`;

/** Citations by subject: one statement for any mix of subject types. */
export function citationsBySubjectLoader(ds: DataSource) {
  return new DataLoader<SubjectRef, Citation[], string>(
    async (subjects) => {
      const wanted = groupBy([...subjects], (subject) => subject.type);
      const qb = ds.getRepository(Citation).createQueryBuilder('ci');
      let i = 0;
      for (const [type, refs] of wanted) {
        qb.orWhere(`(ci.subject_type = :type${i} AND ci.subject_id IN (:...ids${i}))`, {
          [`type${i}`]: type,
          [`ids${i}`]: refs.map((ref) => ref.id),
        });
        i += 1;
      }
      const rows = await qb.orderBy('ci.id', 'ASC').getMany();
      const groups = groupBy(rows, (row) => keyOf({ type: row.subjectType, id: row.subjectId }));
      return subjects.map((subject) => groups.get(keyOf(subject)) ?? []);
    },
    { ...BATCH, cacheKeyFn: keyOf },
  );
}
