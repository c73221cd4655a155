import { GraphQLError } from 'graphql';

/** Lets a slot go; calling it again does nothing. */
export type Release = () => void;

/** Refused because the heavy slots stayed full for the whole wait: 503 with Retry-After, and nothing ran. */
export class ServerBusyError extends Error {
  readonly code = 'SERVER_BUSY';
  constructor(
    readonly retryAfterSeconds: number,
    running: number,
  ) {
    super(`The server is busy with ${running} other heavy requests (roll-ups and exports); try again in ${retryAfterSeconds} s.`);
  }

  toGraphQL(): GraphQLError {
    return new GraphQLError(this.message, {
      extensions: {
        code: this.code,
        retryAfter: this.retryAfterSeconds,
        http: { status: 503, headers: new Map([['retry-after', String(this.retryAfterSeconds)]]) },
      },
    });
  }
}

/**
 * Admission control for heavy work: at most `slots` roll-ups and exports run at once in this instance (each
 * one holds memory and a database reader for seconds); the next ones wait up to `waitMs` in arrival order,
 * then are refused with ServerBusyError rather than piling up until memory or the deadline runs out.
 */
export class HeavyWorkGate {
  private running = 0;
  private readonly waiting: Array<{ admit: () => void; timer: NodeJS.Timeout }> = [];

  constructor(
    private readonly slots: number,
    private readonly waitMs: number,
  ) {}

  async admit(): Promise<Release> {
    if (this.running < this.slots && !this.waiting.length) {
      this.running += 1;
      return this.releaser();
    }
    return new Promise<Release>((resolve, reject) => {
      const entry = {
        // A slot handed over by a release: `running` stays as it is.
        admit: () => {
          clearTimeout(entry.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(new ServerBusyError(Math.max(1, Math.ceil(this.waitMs / 1000)), this.running));
        }, this.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  stats() {
    return { running: this.running, waiting: this.waiting.length, slots: this.slots };
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.admit();
      else this.running -= 1;
    };
  }
}
