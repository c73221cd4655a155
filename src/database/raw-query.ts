/** TypeORM's `QueryRunner.query`, whose overloads (a structured result or not) are one function underneath. */
export type RawQuery = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
