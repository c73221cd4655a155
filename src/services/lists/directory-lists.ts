import { OffshoreLocation, Person, PublicBody, Source, Supplier, Union } from '../../entities';
import { SubjectType } from '../../schema/enums';
import type {
  OffshoreLocationFilter,
  PersonFilter,
  PublicBodyFilter,
  SourceFilter,
  SupplierFilter,
  UnionFilter,
} from '../../schema/filters';
import type { NameOrderField, SourceOrderField } from '../../schema/orders';
import { textSortKey } from '../sql';
import { type ListSpec, nameSortKeys } from './list';
import { whereIn, whereRefSlug, whereTextMatches } from './sql-conditions';

export const publicBodyList: ListSpec<PublicBody, PublicBodyFilter, NameOrderField> = {
  entity: PublicBody,
  alias: 'pb',
  applyFilter(qb, f) {
    whereIn(qb, 'pb.kind', f.kinds);
    whereIn(qb, 'pb.sector', f.sectors);
    whereRefSlug(qb, 'pb.parent_id', 'public_body', f.parent);
    whereTextMatches(qb, 'pb.id', SubjectType.PUBLIC_BODY, f.search);
  },
  sortKeys: (field, ds) => nameSortKeys('pb', field, ds),
};

export const supplierList: ListSpec<Supplier, SupplierFilter, NameOrderField> = {
  entity: Supplier,
  alias: 's',
  applyFilter(qb, f) {
    whereIn(qb, 's.home_country', f.homeCountries);
    whereRefSlug(qb, 's.parent_id', 'supplier', f.parent);
    whereTextMatches(qb, 's.id', SubjectType.SUPPLIER, f.search);
  },
  sortKeys: (field, ds) => nameSortKeys('s', field, ds),
};

export const unionList: ListSpec<Union, UnionFilter, NameOrderField> = {
  entity: Union,
  alias: 'u',
  applyFilter(qb, f) {
    whereTextMatches(qb, 'u.id', SubjectType.UNION, f.search);
  },
  sortKeys: (field, ds) => nameSortKeys('u', field, ds),
};

export const offshoreLocationList: ListSpec<OffshoreLocation, OffshoreLocationFilter, NameOrderField> = {
  entity: OffshoreLocation,
  alias: 'l',
  applyFilter(qb, f) {
    whereIn(qb, 'l.kind', f.kinds);
    whereTextMatches(qb, 'l.id', SubjectType.OFFSHORE_LOCATION, f.search);
  },
  sortKeys: (field, ds) => nameSortKeys('l', field, ds),
};

export const personList: ListSpec<Person, PersonFilter, NameOrderField> = {
  entity: Person,
  alias: 'p',
  applyFilter(qb, f) {
    whereTextMatches(qb, 'p.id', SubjectType.PERSON, f.search);
  },
  sortKeys: (field, ds) => nameSortKeys('p', field, ds),
};

export const sourceList: ListSpec<Source, SourceFilter, SourceOrderField> = {
  entity: Source,
  alias: 'src',
  applyFilter(qb, f) {
    whereIn(qb, 'src.kind', f.kinds);
    whereTextMatches(qb, 'src.id', SubjectType.SOURCE, f.search);
  },
  sortKeys(field, ds) {
    if (field === 'TITLE') return [textSortKey(ds, 'src.title')];
    if (field === 'FILE_NAME') return [textSortKey(ds, "COALESCE(src.file_name, '')")];
    if (field === 'SLUG') return [textSortKey(ds, 'src.slug')];
    return [];
  },
};
