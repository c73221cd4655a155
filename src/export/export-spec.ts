import type { DataSource } from 'typeorm';
import type { Cell } from './csv-response';
import type { ParamSpec } from './params';
import type { OperationResult } from './run-operation';

/** What an export may do while it runs: charge the client's budget, then run one of its operations or reads. */
export interface ExportRun {
  operation<T>(points: number, query: string, variables: Record<string, unknown>): Promise<OperationResult<T>>;
  /** A read through the services, not GraphQL: charged, bounded by the deadline and in one snapshot like an operation. */
  read<T>(points: number, work: (ds: DataSource) => Promise<T>): Promise<T>;
  /** The Cache-Control of a public read (an operation's answer brings its own). */
  publicCacheControl: string;
}

export interface OpenedExport {
  columns: string[];
  /** The Cache-Control of the first answer, which the CSV carries. */
  cacheControl: string | undefined;
  /** The rows, in batches (each written as one chunk). */
  rows: AsyncIterable<Cell[][]>;
}

/** One CSV export: its parameters, and how it reads its first answer (before any byte is sent) and the rest. */
export interface ExportSpec {
  fileName: string;
  params: ParamSpec;
  open(run: ExportRun, params: { own: Record<string, unknown>; filter: Record<string, unknown> | null }): Promise<OpenedExport>;
}
