import { SubjectType } from './enums';

/** The citation subject type of each GraphQL object type that can be cited. */
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
