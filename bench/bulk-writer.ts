import type { EntityManager } from 'typeorm';

type Value = string | number | boolean | null;

/**
 * Rows written in bulk, table by table, in the order the tables were first written to (parents first):
 * prepared multi-row INSERTs on SQLite (better-sqlite3 directly), multi-row VALUES on PostgreSQL. The
 * writer works inside the caller's transaction (on SQLite the driver's one connection is the transaction's);
 * flush() writes what is buffered.
 */
export class BulkWriter {
  /** By table and column list (rows of one table may set different columns), in first-use order. */
  private readonly buffers = new Map<string, { table: string; columns: string[]; rows: Value[][] }>();
  private readonly sqlite: { prepare(sql: string): { run(...values: unknown[]): unknown } } | null;
  private readonly statements = new Map<string, { run(...values: unknown[]): unknown }>();
  rowsWritten = 0;

  constructor(
    private readonly tx: EntityManager,
    private readonly batchRows = 500,
  ) {
    const { options, driver } = tx.connection;
    this.sqlite = options.type === 'better-sqlite3' ? (driver as unknown as { databaseConnection: never }).databaseConnection : null;
  }

  /** A boolean as the database stores it. */
  bool(value: boolean): Value {
    return this.sqlite ? (value ? 1 : 0) : value;
  }

  async add(table: string, columns: string[], row: Value[]) {
    const key = `${table}(${columns.join(',')})`;
    let buffer = this.buffers.get(key);
    if (!buffer) this.buffers.set(key, (buffer = { table, columns, rows: [] }));
    buffer.rows.push(row);
    if (buffer.rows.length >= this.batchRows) await this.flush();
  }

  /** Writes every table's buffered rows, parents before children. */
  async flush() {
    for (const [signature, buffer] of this.buffers) {
      if (!buffer.rows.length) continue;
      const { table } = buffer;
      const rows = buffer.rows.splice(0);
      this.rowsWritten += rows.length;
      const cols = buffer.columns.join(', ');
      if (this.sqlite) {
        const key = `${signature}:${rows.length}`;
        let statement = this.statements.get(key);
        if (!statement) {
          const one = `(${buffer.columns.map(() => '?').join(', ')})`;
          statement = this.sqlite.prepare(`INSERT INTO ${table} (${cols}) VALUES ${Array(rows.length).fill(one).join(', ')}`);
          this.statements.set(key, statement);
        }
        statement.run(...rows.flat());
      } else {
        let n = 0;
        const values = rows.map((row) => `(${row.map(() => `$${(n += 1)}`).join(', ')})`).join(', ');
        await this.tx.query(`INSERT INTO ${table} (${cols}) VALUES ${values}`, rows.flat());
      }
    }
  }

  /** After rows with explicit ids, PostgreSQL's sequences must move past them. */
  async syncSequences(tables: string[]) {
    if (this.sqlite) return;
    for (const table of tables) {
      await this.tx.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 0) + 1, false)`,
      );
    }
  }
}
