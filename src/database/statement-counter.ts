import type { Logger } from 'typeorm';

/** A TypeORM logger that only counts the statements sent: how many a request costs, for tests and the benchmark. */
export class StatementCounter implements Logger {
  count = 0;
  statements: string[] = [];

  logQuery(query: string) {
    this.count += 1;
    // Only the latest few are kept: a long test (the fuzz test sends thousands of requests) must not
    // hold every statement it ever sent.
    if (this.statements.length >= 200) this.statements.shift();
    this.statements.push(query);
  }

  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}

  reset() {
    this.count = 0;
    this.statements = [];
  }

  /** Runs `work` alone and returns its result with the number of statements it sent. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    this.reset();
    const result = await work();
    return { result, statements: this.count };
  }
}
