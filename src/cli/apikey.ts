import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { targetFromConfig } from '../database/options';
import { createApiKey, listApiKeys, revokeApiKey, ROLES } from '../auth/api-keys';
import { openDatabase } from '../database/open';
import type { Role } from '../schema/enums';

const USAGE = `Usage:
  npm run apikey -- create --name <name> --role <${ROLES.join('|')}>   print a new key (shown once)
  npm run apikey -- revoke --name <name>                         stop a key at once
  npm run apikey -- list                                         names, roles, dates (never secrets)`;

/** The CLI, callable from tests; the database comes from DATABASE_URL / DATABASE_PATH as for the server. */
export async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const ds = await openDatabase(targetFromConfig());
  try {
    if (command === 'create') {
      if (!values.name || !values.role) throw new Error(`create needs --name and --role.\n${USAGE}`);
      const { key, record } = await createApiKey(ds, values.name, values.role as Role);
      console.error(`Created key "${record.name}" (${record.role}). It is shown once; store it now:`);
      console.log(key);
    } else if (command === 'revoke') {
      if (!values.name) throw new Error(`revoke needs --name.\n${USAGE}`);
      if (!(await revokeApiKey(ds, values.name))) throw new Error(`No live key is named "${values.name}".`);
      console.log(`Revoked "${values.name}".`);
    } else if (command === 'list') {
      for (const k of await listApiKeys(ds)) {
        console.log([k.name, k.role, k.createdAt.toISOString(), k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'live'].join('\t'));
      }
    } else {
      throw new Error(`Unknown command "${command}".\n${USAGE}`);
    }
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
