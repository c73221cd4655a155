import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseKey } from '../src/auth/api-keys';
import { verifyApiKey } from '../src/auth/verified-keys';
import { main } from '../src/cli/apikey';
import { openDatabase } from '../src/database/open';

// `npm run apikey`, run in-process against a file database of its own (the CLI reads DATABASE_PATH).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-cli-'));
const file = path.join(dir, 'cli.sqlite');
const saved = { path: process.env.DATABASE_PATH, url: process.env.DATABASE_URL };

beforeAll(() => {
  process.env.DATABASE_PATH = file;
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  if (saved.path === undefined) delete process.env.DATABASE_PATH;
  else process.env.DATABASE_PATH = saved.path;
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await main(argv);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  return lines;
}

test('create prints a working key once; list never shows it; revoke stops it', async () => {
  const [key] = await run('create', '--name', 'cli-editor', '--role', 'editor');
  expect(key).toMatch(/^atlas_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);

  const ds = await openDatabase({ sqlitePath: file });
  try {
    expect((await verifyApiKey(ds, key))?.role).toBe('editor');
    const listed = await run('list');
    expect(listed).toEqual([expect.stringMatching(/^cli-editor\teditor\t.+\tlive$/)]);
    expect(listed.join('\n')).not.toContain(parseKey(key)!.secret);
    expect(await run('revoke', '--name', 'cli-editor')).toEqual(['Revoked "cli-editor".']);
    expect(await verifyApiKey(ds, key)).toBeNull();
    expect(await run('list')).toEqual([expect.stringMatching(/\trevoked /)]);
  } finally {
    await ds.destroy();
  }
});

test('bad commands and arguments fail with a message, and make nothing', async () => {
  await expect(run('create', '--name', 'x')).rejects.toThrow(/--name and --role/);
  await expect(run('create', '--name', 'x', '--role', 'owner')).rejects.toThrow(/role: must be one of editor, admin/);
  await expect(run('revoke', '--name', 'nobody')).rejects.toThrow(/No live key is named "nobody"/);
  await expect(run('launch')).rejects.toThrow(/Unknown command/);
  expect((await run('list')).some((l) => l.startsWith('x\t'))).toBe(false);
  expect((await run('--help'))[0]).toMatch(/^Usage:/);
});
