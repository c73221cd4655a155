import type { Cell } from './csv-response';
import type { ParamSpec } from './params';
import type { OperationResult } from './run-operation';

/** What an export may do while it runs: charge the client's budget, then run one of its operations. */
export interface ExportRun {
  operation<T>(points: number, query: string, variables: Record<string, unknown>): Promise<OperationResult<T>>;
}

export interface OpenedExport {
  columns: string[];
  /** The Cache-Control of the first answer, which the CSV carries. */
  cacheControl: string | undefined;
  rows: AsyncIterable<Cell[]>;
}

/** One CSV export: its parameters, and how it reads its first answer (before any byte is sent) and the rest. */
export interface ExportSpec {
  fileName: string;
  params: ParamSpec;
  open(run: ExportRun, params: { own: Record<string, unknown>; filter: Record<string, unknown> | null }): Promise<OpenedExport>;
}
