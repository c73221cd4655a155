import { Claim, Event } from '../../entities';
import { SubjectType } from '../../schema/enums';
import type { ClaimFilter, EventFilter } from '../../schema/filters';
import type { ClaimOrderField, EventOrderField } from '../../schema/orders';
import { live, textSortKey } from '../sql';
import { dateSortKeys, type ListSpec } from './list';
import { whereIn, whereTextMatches } from './sql-conditions';

/** Claims that another claim on the same proposition contradicts. */
const CONTESTED = `EXISTS (SELECT 1 FROM ${live('claim')} other WHERE other.proposition = cl.proposition AND other.stance <> cl.stance)`;

export const claimList: ListSpec<Claim, ClaimFilter, ClaimOrderField> = {
  entity: Claim,
  alias: 'cl',
  applyFilter(qb, f) {
    whereIn(qb, 'cl.stance', f.stances);
    if (f.contract != null) qb.andWhere('cl.contract_id IN (SELECT id FROM contract WHERE slug = :claimContract)', { claimContract: f.contract });
    if (f.union != null) qb.andWhere('cl.union_id IN (SELECT id FROM trade_union WHERE slug = :claimUnion)', { claimUnion: f.union });
    if (f.publicBody != null) {
      qb.andWhere('cl.public_body_id IN (SELECT id FROM public_body WHERE slug = :claimBody)', { claimBody: f.publicBody });
    }
    if (f.person != null) qb.andWhere('cl.person_id IN (SELECT id FROM person WHERE slug = :claimPerson)', { claimPerson: f.person });
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
    if (f.contract != null) qb.andWhere('ev.contract_id IN (SELECT id FROM contract WHERE slug = :eventContract)', { eventContract: f.contract });
    if (f.publicBody != null) {
      qb.andWhere('ev.public_body_id IN (SELECT id FROM public_body WHERE slug = :eventBody)', { eventBody: f.publicBody });
    }
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
