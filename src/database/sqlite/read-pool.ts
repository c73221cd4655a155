import { Worker } from 'node:worker_threads';
import { TIMEOUT_MESSAGE } from '../../errors';
import { READ_WORKER_SOURCE } from './read-worker-source';

/**
 * Rows a reader sends in one message: reading 10,000 rows' message took the event loop 11 ms, so larger
 * answers arrive in parts, each read in its own turn of the loop.
 */
const ANSWER_PART_ROWS = 2000;

/** A statement that ran past its request's deadline: the reader running it was ended. */
export class StatementTimeoutError extends Error {
  readonly code = 'TIMEOUT';
  constructor() {
    super(TIMEOUT_MESSAGE);
  }
}

/** What a reader answers for a statement that writes: the caller runs it on the writer's connection. */
export const NOT_A_READ = Symbol('not a read');

type Rows = Record<string, unknown>[];
type Message = { rows?: Rows; part?: Rows; notReader?: true; error?: { message: string; code?: string }; ready?: true };
interface Job {
  message: { sql?: string; params?: unknown[]; begin?: true; end?: true };
  session?: ReadSession;
  resolve(rows: Rows | typeof NOT_A_READ): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
  /** The parts of a large answer received so far. */
  parts?: Rows[];
}
interface Reader {
  worker: Worker;
  job: Job | null;
  /** The request whose read transaction this reader holds, between its statements. */
  pinnedBy: ReadSession | null;
}

/**
 * One request's reads: the first statement opens a read transaction on a reader, which then serves this
 * request alone until `end()`, so every statement of the request sees one snapshot of the data (a roll-up
 * and a list in one query agree, even while an import commits beside them).
 */
export class ReadSession {
  reader: Reader | null = null;
  readonly pending: Job[] = [];
  dead = false;
  ended = false;
  private begun = false;

  constructor(private readonly pool: ReadPool) {}

  read(sql: string, params: unknown[], deadline: number | null): Promise<Rows | typeof NOT_A_READ> {
    if (this.dead) return Promise.reject(new StatementTimeoutError());
    // After its end (a statement the answer no longer waited for): alone, never pinning a reader again.
    if (this.ended) return this.pool.read(sql, params, deadline);
    const begin = !this.begun;
    this.begun = true;
    return this.pool.enqueue({ sql, params, ...(begin ? { begin: true as const } : {}) }, deadline, this);
  }

  /** Ends the read transaction and frees the reader for other requests. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    // Never begun, or its reader was ended at a deadline (the transaction went with the thread).
    if (!this.begun || this.dead) return;
    await this.pool.enqueue({ end: true }, null, this).catch(() => undefined);
  }
}

export interface ReadPoolStats {
  readers: number;
  busy: number;
  pinned: number;
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

  /** One statement outside any request's snapshot. */
  read(sql: string, params: unknown[], deadline: number | null): Promise<Rows | typeof NOT_A_READ> {
    return this.enqueue({ sql, params }, deadline);
  }

  session(): ReadSession {
    return new ReadSession(this);
  }

  stats(): ReadPoolStats {
    return {
      readers: this.readers.length,
      busy: this.readers.filter((r) => r.job).length,
      pinned: this.readers.filter((r) => r.pinnedBy).length,
      queued: this.queue.length + this.readers.reduce((n, r) => n + (r.pinnedBy?.pending.length ?? 0), 0),
      retiring: this.retiring.size,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const queued = [...this.queue.splice(0), ...this.readers.flatMap((r) => r.pinnedBy?.pending.splice(0) ?? [])];
    for (const job of queued) this.settle(job, () => job.reject(new Error('the database is closed')));
    // Readers ended at a deadline are waited for too: their connections close when their statements end.
    await Promise.all([...this.readers.splice(0).map((reader) => reader.worker.terminate()), ...this.retiring]);
  }

  /** @internal */
  enqueue(message: Job['message'], deadline: number | null, session?: ReadSession): Promise<Rows | typeof NOT_A_READ> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    return new Promise((resolve, reject) => {
      const job: Job = { message, session, resolve, reject };
      if (deadline != null) job.timer = setTimeout(() => this.expire(job), Math.max(0, deadline - Date.now()));
      // Behind the request's earlier statements on its own reader, or in the common queue until it has one.
      if (session?.reader) session.pending.push(job);
      else this.queue.push(job);
      this.dispatch();
    });
  }

  private spawn(): Reader {
    const worker = new Worker(READ_WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.file, driver: require.resolve('better-sqlite3'), partRows: ANSWER_PART_ROWS },
    });
    const reader: Reader = { worker, job: null, pinnedBy: null };
    worker.unref();
    worker.on('message', (message: Message) => {
      if (message.ready) return;
      if (message.part) {
        if (reader.job) (reader.job.parts ??= []).push(message.part);
        return;
      }
      const job = reader.job;
      reader.job = null;
      if (job) {
        if (job.message.end && reader.pinnedBy === job.session) reader.pinnedBy = null;
        if (message.error)
          this.settle(job, () => job.reject(Object.assign(new Error(message.error!.message), { code: message.error!.code })));
        else
          this.settle(job, () =>
            job.resolve(message.notReader ? NOT_A_READ : job.parts ? [...job.parts.flat(), ...message.rows!] : message.rows!),
          );
      }
      this.dispatch();
    });
    worker.on('error', (error) => this.replace(reader, error));
    worker.on('exit', () => this.replace(reader, new Error('a database reader stopped')));
    return reader;
  }

  private dispatch() {
    for (const reader of this.readers) {
      if (reader.job) continue;
      let job: Job | undefined;
      if (reader.pinnedBy) {
        job = reader.pinnedBy.pending.shift();
      } else {
        job = this.queue.shift();
        if (job?.session && !job.message.end) {
          reader.pinnedBy = job.session;
          job.session.reader = reader;
          // The session's later statements, queued before it had a reader, now follow it there.
          for (let i = this.queue.length - 1; i >= 0; i -= 1) {
            if (this.queue[i].session === job.session) job.session.pending.unshift(...this.queue.splice(i, 1));
          }
        } else if (job?.message.end) {
          // A session ended before its first statement ran: nothing to end.
          this.settle(job, () => job!.resolve([]));
          job = undefined;
        }
      }
      if (!job) continue;
      reader.job = job;
      reader.worker.postMessage(job.message);
    }
  }

  private settle(job: Job, outcome: () => void) {
    clearTimeout(job.timer);
    outcome();
  }

  private expire(job: Job) {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const pending = job.session?.pending.indexOf(job) ?? -1;
    if (pending >= 0) job.session!.pending.splice(pending, 1);
    const reader = this.readers.find((r) => r.job === job);
    job.reject(new StatementTimeoutError());
    if (!reader) return;
    // Terminating takes effect when the statement returns to JavaScript; until then the old thread finishes
    // on its own, and a fresh reader takes its place now. The request's snapshot went with it.
    this.retire(reader);
    this.dispatch();
  }

  private retire(reader: Reader) {
    const session = reader.pinnedBy;
    if (session) {
      session.dead = true;
      session.reader = null;
      for (const job of session.pending.splice(0))
        this.settle(job, () => (job.message.end ? job.resolve([]) : job.reject(new StatementTimeoutError())));
    }
    reader.job = null;
    reader.pinnedBy = null;
    const ended = reader.worker.terminate();
    this.retiring.add(ended);
    void ended.finally(() => this.retiring.delete(ended));
    this.readers[this.readers.indexOf(reader)] = this.spawn();
  }

  /** A reader that died (not one ended at a deadline): its statement fails, a new one takes its place. */
  private replace(reader: Reader, error: Error) {
    const at = this.readers.indexOf(reader);
    if (at < 0 || this.closed) return;
    const job = reader.job;
    reader.job = null;
    if (job) this.settle(job, () => job.reject(error));
    if (reader.pinnedBy) {
      reader.pinnedBy.dead = true;
      reader.pinnedBy.reader = null;
      for (const pending of reader.pinnedBy.pending.splice(0)) this.settle(pending, () => pending.reject(error));
    }
    this.readers[at] = this.spawn();
    this.dispatch();
  }
}
