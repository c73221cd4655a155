import type { DataSource } from 'typeorm';
import { badUserInput } from '../../errors';
import type { ContractFilter } from '../../schema/filters';
import { groupBy as groupRows } from '../../util/group-by';
import { type ImpactGroup, ImpactKey } from '../../schema/impact-types';
import { ImpactDimension } from '../../schema/enums';
import { KEY_FIELD, NUMERIC_DIMENSIONS } from './dimensions';
import { membership } from './membership';
import { type RangeRow, rangeColumns, readRange } from './range-sql';
import { type GroupTop, orderMeasure, sqlTop } from './order';
import { keptPairTotals } from './kept-pairs';
import { measureList, type TotalsMeasure } from './totals-measures';
import { groupPriceYears, groupProvenance, groupTotals, membersRepresented, offshoredJobs, summaryTotals } from './statements';

export interface ImpactRequest {
  filter?: ContractFilter | null;
  groupBy: ImpactDimension[];
  /** Only the groups whose first dimension has one of these values (an entity's own roll-up). */
  restrictTo?: unknown[];
  /** Only the first groups in this order, picked by the database (an order `topInTotals` accepts). */
  top?: GroupTop;
  /**
   * The totals row's measures to read (`measureList`), besides the one `top` orders by; every one when left
   * out. A group's other measures are undefined, not zero.
   */
  measures?: readonly TotalsMeasure[];
}

export interface ImpactResult extends ImpactGroup {
  /** Citations and claims behind the group: one statement for all groups, run on first use. */
  provenance(): Promise<Provenance>;
}

/**
 * A statement shared by every group of a roll-up, run once, on first use, and read by group key. A failure
 * is not kept: the roll-up may be cached, and the next request should try again.
 */
function onFirstUse<T>(run: () => Promise<Map<string, T>>): LazyMeasure<T> {
  let rows: Promise<Map<string, T>> | undefined;
  const all = () =>
    (rows ??= run().catch((error: unknown) => {
      rows = undefined;
      throw error;
    }));
  return Object.assign(async (group: string) => (await all()).get(group), { all });
}

/** A per-group statement's rows for one group — or, with `all`, for every group at once. */
type LazyMeasure<T> = ((group: string) => Promise<T | undefined>) & { all(): Promise<Map<string, T>> };

/** A group with every measure computed: what an export's range columns read. */
export interface ResolvedImpact {
  contractCount: number;
  contested: boolean;
  jobsAffected: RangeRow;
  jobsOffshored: OffshoredJobs;
  savingsClaimed: { perYear: RangeRow; total: RangeRow; priceYears: number[] };
  moneyLost: RangeRow;
  membersRepresented: RangeRow;
}

type OffshoredJobs = Record<'atRisk' | 'confirmed' | 'planned' | 'alleged' | 'denied', RangeRow>;

const membersRange = (row: Row | undefined) => readRange(row, 'members');

const offshoredOf = (byStatus: Map<string, Row> | undefined): OffshoredJobs => ({
  atRisk: readRange(byStatus?.get('AT_RISK'), 'jobs'),
  confirmed: readRange(byStatus?.get('CONFIRMED'), 'jobs'),
  planned: readRange(byStatus?.get('PLANNED'), 'jobs'),
  alleged: readRange(byStatus?.get('ALLEGED'), 'jobs'),
  denied: readRange(byStatus?.get('DENIED'), 'jobs'),
});

type Row = Record<string, unknown>;
interface Provenance {
  citationIds: number[];
  claimIds: number[];
}
type KeyValue = string | number | null;

/** Sorts keys the same way on both databases: values ascending, numbers numerically, null ("none") last. */
function compareKeys(a: KeyValue[], b: KeyValue[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const [x, y] = [a[i], b[i]];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * The roll-up: every number is aggregated by the database (GROUP BY), in one statement per kind of measure
 * whatever the number of groups; this function only joins their rows by group key and shapes them.
 */
export async function computeImpact(ds: DataSource, request: ImpactRequest): Promise<ImpactResult[]> {
  const { groupBy } = request;
  const repeated = groupBy.find((d, i) => groupBy.indexOf(d) !== i);
  if (repeated) throw badUserInput('groupBy', `lists ${repeated} twice; each dimension may appear once.`);
  if (request.restrictTo?.length === 0) return [];

  const m = membership(ds, request.filter, groupBy, request.restrictTo);
  const keyValues = (row: Row): KeyValue[] =>
    m.keys.map((k, i) => (row[k] == null ? null : NUMERIC_DIMENSIONS.has(groupBy[i]) ? Number(row[k]) : String(row[k])));
  const keyString = (row: Row) => JSON.stringify(keyValues(row));

  // Totals answer every group; offshored jobs, members, provenance and price years each cost a statement, so
  // they run only when a selected field needs them (a roll-up of counts runs one statement, not five).
  const top = request.top && sqlTop(ds, groupBy, request.top);
  // Every contract by at most one dimension is what the kept summaries hold: read a row per group from them.
  const fromSummaries = m.everyContract && groupBy.length <= 1 && groupBy[0] !== ImpactDimension.CONTRACT;
  // Two dimensions, or one group's contracts by a dimension, where the kept pairs hold them: a row per group.
  const fromPairs = !request.restrictTo && !fromSummaries;
  const ordered = request.top && orderMeasure(request.top.field);
  const asked = request.measures && (ordered ? measureList([...request.measures, ordered]) : request.measures);
  const totals =
    (fromSummaries && (await summaryTotals(ds, groupBy[0] ?? null, top, asked))) ||
    (fromPairs && (await keptPairTotals(ds, request.filter, groupBy, top, asked))) ||
    (await groupTotals(ds, m, top, asked));
  // Rows of a per-group statement, shaped once per group and found by group key.
  const byGroup = <T>(rows: Row[], shape: (rows: Row[]) => T) =>
    new Map([...groupRows(rows, keyString)].map(([group, ofGroup]) => [group, shape(ofGroup)]));
  const sortedNumbers = (rows: Row[], column: string) => rows.map((row) => Number(row[column])).sort((a, b) => a - b);
  const jobsOf = onFirstUse(async () =>
    byGroup(await offshoredJobs(ds, m), (rows) => new Map(rows.map((row) => [String(row.status), row]))),
  );
  const membersOf = onFirstUse(async () => new Map((await membersRepresented(ds, m)).map((row) => [keyString(row), row])));
  const provenanceOf = onFirstUse(async () =>
    byGroup(await groupProvenance(ds, m), (rows): Provenance => ({
      citationIds: sortedNumbers(
        rows.filter((row) => row.kind === 'citation'),
        'id',
      ),
      claimIds: sortedNumbers(
        rows.filter((row) => row.kind !== 'citation'),
        'id',
      ),
    })),
  );
  const priceYearsOf = onFirstUse(async () => byGroup(await groupPriceYears(ds, m), (rows) => sortedNumbers(rows, 'price_year')));

  // Totals over an empty selection still answer one row (all zero); groups exist only where contracts do.
  const rows = groupBy.length === 0 ? totals : totals.filter((row) => Number(row.contract_count) > 0);
  const measures: LazyMeasures = { jobsOf, membersOf, provenanceOf, priceYearsOf };
  return rows
    .map((row) => ({ row, values: keyValues(row) }))
    .sort((a, b) => compareKeys(a.values, b.values))
    .map(({ row, values }) => new RollupGroup(row, values, groupBy, measures));
}

interface LazyMeasures {
  jobsOf: LazyMeasure<Map<string, Row>>;
  membersOf: LazyMeasure<Row>;
  provenanceOf: LazyMeasure<Provenance>;
  priceYearsOf: LazyMeasure<number[]>;
}

/**
 * One group, read from its totals row when a field asks: a roll-up of 10,000 suppliers of which 20 are
 * answered shapes 20 groups, not 10,000 (shaping them all held the event loop for 30–40 ms).
 */
class RollupGroup implements ImpactResult {
  constructor(
    private readonly row: Row,
    private readonly values: KeyValue[],
    private readonly dimensions: ImpactDimension[],
    readonly measures: LazyMeasures,
  ) {}

  /** The group's key as the per-group statements' rows spell it. */
  private get group() {
    return JSON.stringify(this.values);
  }

  private keyObject?: ImpactKey;

  /** Made once: the compiled executor reads `key` again for each of its fields. */
  get key(): ImpactKey {
    return (this.keyObject ??= Object.assign(
      new ImpactKey(),
      Object.fromEntries(this.dimensions.map((d, i) => [KEY_FIELD[d], this.values[i]])),
    ));
  }

  get contractCount() {
    return Number(this.row.contract_count);
  }

  /**
   * A measure of the totals row, or undefined where the roll-up did not read it (see `ImpactRequest.measures`):
   * never a zero. Not thrown: graphql-jit reads these getters inline, in the callback of the roll-up's own
   * promise, where a throw leaves the request waiting for its deadline; undefined in a non-null field is an
   * error the executor reports for that field.
   */
  private read<T>(column: string, value: (row: Row) => T): T {
    return column in this.row ? value(this.row) : (undefined as T);
  }

  private ranges?: Partial<Record<TotalsMeasure, RangeRow>>;

  /** Made once: the compiled executor reads a range again for each of its fields (300,000 reads for 100,000 groups). */
  private range(measure: Exclude<TotalsMeasure, 'contested'>) {
    const ranges = (this.ranges ??= {});
    return (ranges[measure] ??= this.read(rangeColumns(measure).basedOn, (row) => readRange(row, measure)));
  }

  get jobsAffected() {
    return this.range('jobs');
  }

  get contested() {
    return this.read('contested', (row) => Number(row.contested) === 1);
  }

  get moneyLost() {
    return this.range('lost');
  }

  /** Savings per year and in total: read from the totals row, unlike their price years. */
  private get savings() {
    return { perYear: this.range('save_year'), total: this.range('save_total') };
  }

  /** Each part read when asked: a roll-up asked only the savings per year reads no totals of them. */
  get savingsClaimed() {
    const group = this.group;
    const range = (measure: 'save_year' | 'save_total') => this.range(measure);
    return {
      get perYear() {
        return range('save_year');
      },
      get total() {
        return range('save_total');
      },
      priceYears: async () => (await this.measures.priceYearsOf(group)) ?? [],
    };
  }

  async jobsOffshored() {
    return offshoredOf(await this.measures.jobsOf(this.group));
  }

  /** Every measure, from the per-group statements' rows for every group (see `resolveGroups`). */
  resolvedFrom(jobs: Map<string, Map<string, Row>>, members: Map<string, Row>, priceYears: Map<string, number[]>): ResolvedImpact {
    const group = this.group;
    return {
      contractCount: this.contractCount,
      contested: this.contested,
      jobsAffected: this.jobsAffected,
      jobsOffshored: offshoredOf(jobs.get(group)),
      savingsClaimed: { ...this.savings, priceYears: priceYears.get(group) ?? [] },
      moneyLost: this.moneyLost,
      membersRepresented: membersRange(members.get(group)),
    };
  }

  async membersRepresented() {
    return membersRange(await this.measures.membersOf(this.group));
  }

  async provenance() {
    return (await this.measures.provenanceOf(this.group)) ?? { citationIds: [], claimIds: [] };
  }
}

/**
 * The groups of one roll-up with every measure computed, for a reader of them all (each row of an export):
 * each per-group statement runs once and every group is then read from its rows, with no promise of its
 * own (six a group, 600,000 for a 100,000-row export, were a tenth of the main thread's time).
 */
export async function resolveGroups(groups: ImpactResult[]): Promise<ResolvedImpact[]> {
  const rollup = groups.filter((g): g is RollupGroup => g instanceof RollupGroup);
  if (rollup.length !== groups.length) throw new Error('resolveGroups takes the groups of one computeImpact');
  if (!rollup.length) return [];
  const { jobsOf, membersOf, priceYearsOf } = rollup[0].measures;
  const [jobs, members, priceYears] = await Promise.all([jobsOf.all(), membersOf.all(), priceYearsOf.all()]);
  return rollup.map((g) => g.resolvedFrom(jobs, members, priceYears));
}

/** Every measure of no contracts at all. */
export const emptyResolvedImpact = (): ResolvedImpact => {
  const zero = () => ({ low: 0, high: 0, basedOn: 0 });
  return {
    contractCount: 0,
    contested: false,
    jobsAffected: zero(),
    jobsOffshored: { atRisk: zero(), confirmed: zero(), planned: zero(), alleged: zero(), denied: zero() },
    savingsClaimed: { perYear: zero(), total: zero(), priceYears: [] },
    moneyLost: zero(),
    membersRepresented: zero(),
  };
};

/** The roll-up of no contracts at all, for an entity that has none in the selection. */
export function emptyImpact(key: ImpactKey): ImpactResult {
  const none = emptyResolvedImpact();
  return {
    ...none,
    key,
    jobsOffshored: async () => none.jobsOffshored,
    savingsClaimed: { ...none.savingsClaimed, priceYears: async () => none.savingsClaimed.priceYears },
    membersRepresented: async () => none.membersRepresented,
    provenance: async () => ({ citationIds: [], claimIds: [] }),
  };
}
