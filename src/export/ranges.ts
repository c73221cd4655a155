import type { Cell } from './csv-response';
import type { ResolvedImpact } from '../services/impact/impact';
import type { RangeRow } from '../services/impact/range-sql';

/** What the exports select of a roll-up group (or a contract's own roll-up). */
export const GROUP_SELECTION = `
  contractCount contested
  jobsAffected { ...R }
  jobsOffshored { atRisk { ...R } confirmed { ...R } planned { ...R } alleged { ...R } denied { ...R } }
  savingsClaimed { perYear { ...R } total { ...R } priceYears }
  moneyLost { ...R }
  membersRepresented { ...R }`;
export const RANGE_FRAGMENT = 'fragment R on Range { low high basedOn }';

/** What the range columns read of a group (or of a contract's own roll-up): its measures, computed. */
export type Group = ResolvedImpact;

const MEASURES: Array<[string, (g: Group) => RangeRow]> = [
  ['jobs_affected', (g) => g.jobsAffected],
  ['jobs_at_risk', (g) => g.jobsOffshored.atRisk],
  ['jobs_confirmed', (g) => g.jobsOffshored.confirmed],
  ['jobs_planned', (g) => g.jobsOffshored.planned],
  ['jobs_alleged', (g) => g.jobsOffshored.alleged],
  ['jobs_denied', (g) => g.jobsOffshored.denied],
  ['savings_per_year', (g) => g.savingsClaimed.perYear],
  ['savings_total', (g) => g.savingsClaimed.total],
  ['money_lost', (g) => g.moneyLost],
  ['members_represented', (g) => g.membersRepresented],
];

/** Each range as three columns: `_low`, `_high` (empty when open-ended) and `_based_on`. */
export const RANGE_COLUMNS = [
  ...MEASURES.flatMap(([name]) => [`${name}_low`, `${name}_high`, `${name}_based_on`]),
  'savings_price_years',
  'contested',
];

export function rangeCells(g: Group, cells: Cell[] = []): Cell[] {
  // Pushed into the row's own array: this runs for every row of a 100,000-row export.
  for (const [, of] of MEASURES) {
    const r = of(g);
    cells.push(r.low, r.high, r.basedOn);
  }
  cells.push(g.savingsClaimed.priceYears.join('; '), g.contested);
  return cells;
}
