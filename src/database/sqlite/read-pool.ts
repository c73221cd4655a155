import { Worker } from 'node:worker_threads';
import { READ_WORKER_SOURCE } from './read-worker-source';

/** A statement that ran past its request's deadline: the reader running it was ended. */
export class StatementTimeoutError extends Error {
  readonly code = 'TIMEOUT';
  constructor() {
    super('The operation took longer than this server allows and was stopped.');
  }
}

/** What a reader answers for a statement that writes: the caller runs it on the writer's connection. */
export const NOT_A_READ = Symbol('not a read');

type Rows = Record<string, unknown>[];
interface Job {
  sql: string;
  params: unknown[];
  resolve(rows: Rows | typeof NOT_A_READ): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}
interface Reader {
  worker: Worker;
  job: Job | null;
}

export interface ReadPoolStats {
  readers: number;
  busy: number;
  queued: number;
  /** Readers ended at a deadline whose statement is still finishing (SQLite cannot be interrupted from outside). */
  retiring: number;
}

/**
 * Reads on threads of their own, each with a read-only connection: better-sqlite3 is synchronous, so a
 * statement run on the main thread holds the event loop — /healthz, timers, signals and every other request —
 * for as long as it runs (one roll-up at 100,000 contracts: 35 s). A statement still running at its
 * request's deadline is abandoned and its reader ended and replaced, so the request answers TIMEOUT at once.
 */
export class ReadPool {
  private readonly readers: Reader[] = [];
  private readonly queue: Job[] = [];
  private readonly retiring = new Set<Promise<number>>();
  private closed = false;

  constructor(
    private readonly file: string,
    size: number,
  ) {
    for (let i = 0; i < size; i += 1) this.readers.push(this.spawn());
  }

  read(sql: string, params: unknown[], deadline: number | null): Promise<Rows | typeof NOT_A_READ> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    return new Promise((resolve, reject) => {
      const job: Job = { sql, params, resolve, reject };
      if (deadline != null) job.timer = setTimeout(() => this.expire(job), Math.max(0, deadline - Date.now()));
      this.queue.push(job);
      this.dispatch();
    });
  }

  stats(): ReadPoolStats {
    return { readers: this.readers.length, busy: this.readers.filter((r) => r.job).length, queued: this.queue.length, retiring: this.retiring.size };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, () => job.reject(new Error('the database is closed')));
    // Readers ended at a deadline are waited for too: their connections close when their statements end.
    await Promise.all([...this.readers.splice(0).map((reader) => reader.worker.terminate()), ...this.retiring]);
  }

  private spawn(): Reader {
    const worker = new Worker(READ_WORKER_SOURCE, { eval: true, workerData: { file: this.file, driver: require.resolve('better-sqlite3') } });
    const reader: Reader = { worker, job: null };
    worker.unref();
    worker.on('message', (message: { id?: number; rows?: Rows; notReader?: true; error?: { message: string; code?: string }; ready?: true }) => {
      if (message.ready) return;
      const job = reader.job;
      reader.job = null;
      if (job) {
        if (message.error) this.settle(job, () => job.reject(Object.assign(new Error(message.error!.message), { code: message.error!.code })));
        else this.settle(job, () => job.resolve(message.notReader ? NOT_A_READ : message.rows!));
      }
      this.dispatch();
    });
    worker.on('error', (error) => this.replace(reader, error));
    worker.on('exit', () => this.replace(reader, new Error('a database reader stopped')));
    return reader;
  }

  private dispatch() {
    for (const reader of this.readers) {
      if (reader.job || !this.queue.length) continue;
      const job = this.queue.shift()!;
      reader.job = job;
      reader.worker.postMessage({ sql: job.sql, params: job.params });
    }
  }

  private settle(job: Job, outcome: () => void) {
    clearTimeout(job.timer);
    outcome();
  }

  private expire(job: Job) {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const reader = this.readers.find((r) => r.job === job);
    job.reject(new StatementTimeoutError());
    if (!reader) return;
    // Terminating takes effect when the statement returns to JavaScript; until then the old thread finishes
    // on its own, and a fresh reader takes its place now.
    reader.job = null;
    const ended = reader.worker.terminate();
    this.retiring.add(ended);
    void ended.finally(() => this.retiring.delete(ended));
    this.readers[this.readers.indexOf(reader)] = this.spawn();
    this.dispatch();
  }

  /** A reader that died (not one ended at a deadline): its statement fails, a new one takes its place. */
  private replace(reader: Reader, error: Error) {
    const at = this.readers.indexOf(reader);
    if (at < 0 || this.closed) return;
    const job = reader.job;
    reader.job = null;
    if (job) this.settle(job, () => job.reject(error));
    this.readers[at] = this.spawn();
    this.dispatch();
  }
}
