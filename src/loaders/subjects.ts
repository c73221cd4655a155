import type { Loaders } from '.';
import { SubjectType } from '../schema/enums';

/** Which loader fetches each kind of record, by citation subject type. */
const LOADER_OF: Record<SubjectType, keyof Loaders> = {
  [SubjectType.SOURCE]: 'source',
  [SubjectType.PUBLIC_BODY]: 'publicBody',
  [SubjectType.SUPPLIER]: 'supplier',
  [SubjectType.UNION]: 'union',
  [SubjectType.OFFSHORE_LOCATION]: 'offshoreLocation',
  [SubjectType.PERSON]: 'person',
  [SubjectType.PERSON_ROLE]: 'personRole',
  [SubjectType.CONTRACT]: 'contract',
  [SubjectType.OFFSHORING]: 'offshoring',
  [SubjectType.QUANTITY]: 'quantity',
  [SubjectType.CLAIM]: 'claim',
  [SubjectType.EVENT]: 'event',
};

export async function loadSubject(loaders: Loaders, type: SubjectType, id: number): Promise<object | null> {
  const loader = loaders[LOADER_OF[type]] as { load(id: number): Promise<object | null> };
  return loader.load(id);
}
