import { Claim, Event } from '../../entities';
import { SubjectType } from '../../schema/enums';
import type { ClaimFilter, EventFilter } from '../../schema/filters';
import type { ClaimOrderField, EventOrderField } from '../../schema/orders';
import { live, textSortKey } from '../sql';
import { dateSortKeys, type ListSpec } from './list';
import { whereIn, whereRefSlug, whereTextMatches } from './sql-conditions';

/** Claims that another claim on the same proposition contradicts. */
const CONTESTED = `EXISTS (SELECT 1 FROM ${live('claim')} other WHERE other.proposition = cl.proposition AND other.stance <> cl.stance)`;

export const claimList: ListSpec<Claim, ClaimFilter, ClaimOrderField> = {
  entity: Claim,
  alias: 'cl',
  applyFilter(qb, f) {
    whereIn(qb, 'cl.stance', f.stances);
    whereRefSlug(qb, 'cl.contract_id', 'contract', f.contract);
    whereRefSlug(qb, 'cl.union_id', 'trade_union', f.union);
    whereRefSlug(qb, 'cl.public_body_id', 'public_body', f.publicBody);
    whereRefSlug(qb, 'cl.person_id', 'person', f.person);
    if (f.contested != null) qb.andWhere(f.contested ? CONTESTED : `NOT ${CONTESTED}`);
    whereTextMatches(qb, 'cl.id', SubjectType.CLAIM, f.search);
  },
  sortKeys(field, ds) {
    if (field === 'PROPOSITION') return [textSortKey(ds, 'cl.proposition'), textSortKey(ds, 'cl.stance')];
    if (field === 'SLUG') return [textSortKey(ds, 'cl.slug')];
    if (field === 'DATE') return dateSortKeys('cl.date');
    return [];
  },
};

export const eventList: ListSpec<Event, EventFilter, EventOrderField> = {
  entity: Event,
  alias: 'ev',
  applyFilter(qb, f) {
    whereIn(qb, 'ev.kind', f.kinds);
    whereRefSlug(qb, 'ev.contract_id', 'contract', f.contract);
    whereRefSlug(qb, 'ev.public_body_id', 'public_body', f.publicBody);
    if (f.union != null) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM event_union eu JOIN trade_union u ON u.id = eu.union_id WHERE eu.event_id = ev.id AND u.slug = :eventUnion)',
        { eventUnion: f.union },
      );
    }
    if (f.year != null) qb.andWhere('ev.date_year = :eventYear', { eventYear: f.year });
    whereTextMatches(qb, 'ev.id', SubjectType.EVENT, f.search);
  },
  sortKeys(field, ds) {
    if (field === 'DATE') return dateSortKeys('ev.date');
    if (field === 'TITLE') return [textSortKey(ds, 'ev.title')];
    if (field === 'SLUG') return [textSortKey(ds, 'ev.slug')];
    return [];
  },
};
