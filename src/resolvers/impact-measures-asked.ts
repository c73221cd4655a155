import type { GraphQLResolveInfo } from 'graphql';
import { fieldsUnder } from '../util/selected-fields';
import { measureList, type TotalsMeasure } from '../services/impact/totals-measures';

/** The totals row's measures behind each field of ImpactGroup (and of its SavingsClaimed) that reads them. */
const GROUP_FIELDS: Record<string, TotalsMeasure> = { jobsAffected: 'jobs', moneyLost: 'lost', contested: 'contested' };
const SAVINGS_FIELDS: Record<string, TotalsMeasure> = { perYear: 'save_year', total: 'save_total' };

/**
 * The totals measures a roll-up field's selection reads, wherever it asks them (fragments, aliases), and
 * the one its order needs: a roll-up asked for counts and jobs reads those columns, not every measure's.
 */
export function impactMeasuresAsked(info: GraphQLResolveInfo, orderedBy?: TotalsMeasure): TotalsMeasure[] {
  const fields = fieldsUnder(info);
  const savings = fieldsUnder(
    info,
    fields.filter((field) => field.name.value === 'savingsClaimed'),
  );
  return measureList(
    [
      ...fields.map((field) => GROUP_FIELDS[field.name.value]),
      ...savings.map((field) => SAVINGS_FIELDS[field.name.value]),
      ...(orderedBy ? [orderedBy] : []),
    ].filter((measure): measure is TotalsMeasure => measure !== undefined),
  );
}
