import { OffshoreLocation, Person, PersonRole, PublicBody, Supplier, Union } from '../../../entities';
import { badUserInput } from '../../../errors';
import { LocationKind, SubjectType } from '../../../schema/enums';
import { Patch } from '../columns';
import type { RecordSpec } from '../records';

const nameOf = (values: Record<string, unknown>, current?: { name: string }) => String(values.name ?? current?.name ?? '');

export const publicBodySpec: RecordSpec<PublicBody> = {
  entity: PublicBody,
  subjectType: SubjectType.PUBLIC_BODY,
  slugSource: nameOf,
  async columns(tx, values, current) {
    const patch = new Patch(tx, values).copy('name', 'kind', 'sector', 'description').aliases(!current);
    return (await patch.ref('parent', PublicBody)).columns;
  },
  check(row) {
    if (row.id != null && row.parentId === row.id) throw badUserInput('parent', 'a body cannot be its own parent.');
  },
};

export const supplierSpec: RecordSpec<Supplier> = {
  entity: Supplier,
  subjectType: SubjectType.SUPPLIER,
  slugSource: nameOf,
  async columns(tx, values, current) {
    const patch = new Patch(tx, values).copy('name', 'homeCountry', 'description').aliases(!current);
    return (await patch.ref('parent', Supplier)).columns;
  },
  check(row) {
    if (row.id != null && row.parentId === row.id) throw badUserInput('parent', 'a supplier cannot be its own parent.');
  },
};

export const unionSpec: RecordSpec<Union> = {
  entity: Union,
  subjectType: SubjectType.UNION,
  slugSource: nameOf,
  async columns(tx, values, current) {
    const patch = new Patch(tx, values).copy('name', 'acronym', 'description').aliases(!current);
    return patch.columns;
  },
};

export const offshoreLocationSpec: RecordSpec<OffshoreLocation> = {
  entity: OffshoreLocation,
  subjectType: SubjectType.OFFSHORE_LOCATION,
  slugSource: nameOf,
  async columns(tx, values, current) {
    const patch = new Patch(tx, values).copy('name', 'kind', 'countryCode').aliases(!current);
    return patch.columns;
  },
  check(row) {
    if (row.kind === LocationKind.COUNTRY && !row.countryCode) throw badUserInput('countryCode', 'is required for a COUNTRY.');
    if (row.kind === LocationKind.REGION && row.countryCode)
      throw badUserInput('countryCode', 'must be left out for a REGION (it spans countries).');
  },
};

export const personSpec: RecordSpec<Person> = {
  entity: Person,
  subjectType: SubjectType.PERSON,
  slugSource: nameOf,
  async columns(tx, values, current) {
    return new Patch(tx, values).copy('name').aliases(!current).columns;
  },
};

export const personRoleSpec: RecordSpec<PersonRole> = {
  entity: PersonRole,
  subjectType: SubjectType.PERSON_ROLE,
  async columns(tx, values) {
    const patch = new Patch(tx, values).copy('title');
    await patch.ref('person', Person);
    await patch.ref('publicBody', PublicBody);
    await patch.ref('union', Union);
    return (await patch.ref('supplier', Supplier)).columns;
  },
};
