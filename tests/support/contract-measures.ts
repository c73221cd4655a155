import type { DataSource } from 'typeorm';
import { measuresOf } from '../../src/migrations/shared/1795500000000-contract-measures';

type Row = Record<string, unknown>;

/** Rows by contract, numbers as numbers (PostgreSQL answers sums as strings), contracts with nothing left out. */
function normalised(rows: Row[]): Record<string, Row> {
  const out: Record<string, Row> = {};
  for (const row of rows) {
    const values = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v == null ? null : Number(v)]));
    const empty = Object.entries(values).every(([k, v]) => k === 'contract_id' || v === null || v === 0);
    if (!empty) out[String(values.contract_id)] = values;
  }
  return out;
}

/** The maintained per-contract measures, and the same worked out from scratch now: they must be equal. */
export async function measuresKeptAndFresh(ds: DataSource): Promise<{ kept: Record<string, Row>; fresh: Record<string, Row> }> {
  const [kept, fresh] = [await ds.query('SELECT * FROM contract_measure'), await ds.query(measuresOf('1 = 1'))];
  return { kept: normalised(kept), fresh: normalised(fresh) };
}
