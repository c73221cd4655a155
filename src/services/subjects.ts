import type { Loaders } from '../loaders';
import { SubjectType } from '../schema/enums';

/** Which loader fetches each kind of record, by citation subject type and by GraphQL type name. */
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

export const TYPE_NAME_TO_SUBJECT: Record<string, SubjectType> = {
  Source: SubjectType.SOURCE,
  PublicBody: SubjectType.PUBLIC_BODY,
  Supplier: SubjectType.SUPPLIER,
  Union: SubjectType.UNION,
  OffshoreLocation: SubjectType.OFFSHORE_LOCATION,
  Person: SubjectType.PERSON,
  PersonRole: SubjectType.PERSON_ROLE,
  Contract: SubjectType.CONTRACT,
  Offshoring: SubjectType.OFFSHORING,
  Quantity: SubjectType.QUANTITY,
  Claim: SubjectType.CLAIM,
  Event: SubjectType.EVENT,
};

export async function loadSubject(loaders: Loaders, type: SubjectType, id: number): Promise<object | null> {
  const loader = loaders[LOADER_OF[type]] as { load(id: number): Promise<object | null> };
  return loader.load(id);
}
