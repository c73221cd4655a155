import type { Cell } from './csv-response';

/** What the exports select of a roll-up group (or a contract's own roll-up). */
export const GROUP_SELECTION = `
  contractCount contested
  jobsAffected { ...R }
  jobsOffshored { atRisk { ...R } confirmed { ...R } planned { ...R } alleged { ...R } denied { ...R } }
  savingsClaimed { perYear { ...R } total { ...R } priceYears }
  moneyLost { ...R }
  membersRepresented { ...R }`;
export const RANGE_FRAGMENT = 'fragment R on Range { low high basedOn }';

interface Range {
  low: number;
  high: number | null;
  basedOn: number;
}
export interface Group {
  contractCount: number;
  contested: boolean;
  jobsAffected: Range;
  jobsOffshored: Record<'atRisk' | 'confirmed' | 'planned' | 'alleged' | 'denied', Range>;
  savingsClaimed: { perYear: Range; total: Range; priceYears: number[] };
  moneyLost: Range;
  membersRepresented: Range;
}

const MEASURES: Array<[string, (g: Group) => Range]> = [
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

export const rangeCells = (g: Group): Cell[] => [
  ...MEASURES.flatMap(([, of]) => {
    const r = of(g);
    return [r.low, r.high, r.basedOn];
  }),
  g.savingsClaimed.priceYears.join('; '),
  g.contested,
];
