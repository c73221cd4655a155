import { cleanEnv, port, str, url } from 'envalid';

/** Every setting the server reads, validated once at start-up (see the table in README.md). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return cleanEnv(env, {
    PORT: port({ default: 4000, desc: 'HTTP port the API listens on.' }),
    HOST: str({ default: '0.0.0.0', desc: 'Interface to bind.' }),
    DATABASE_URL: url({
      default: undefined,
      desc: 'postgres://… to use PostgreSQL instead of the embedded SQLite file.',
    }),
    DATABASE_PATH: str({ default: 'data/atlas.sqlite', desc: 'SQLite file, used when DATABASE_URL is unset.' }),
    SEED_ON_START: str({
      choices: ['if-empty', 'never'],
      default: 'if-empty',
      desc: 'Load the seed data at start-up when the database holds no sources.',
    }),
    NODE_ENV: str({ choices: ['development', 'production', 'test'], default: 'development' }),
    SQL_LOG: str({ choices: ['on', 'off'], default: 'off', desc: 'Log every SQL statement.' }),
  });
}

export type Config = ReturnType<typeof loadConfig>;
