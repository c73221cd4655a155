import type { DataSource } from 'typeorm';
import { createApiKey, revokeApiKey } from '../../src/auth/api-keys';
import { Role } from '../../src/schema/enums';

export interface TestKeys {
  editor: string;
  admin: string;
  revoked: string;
}

/** An editor, an admin, and a revoked admin key, made the way the CLI makes them. */
export async function makeTestKeys(ds: DataSource): Promise<TestKeys> {
  const editor = (await createApiKey(ds, 'test-editor', Role.EDITOR)).key;
  const admin = (await createApiKey(ds, 'test-admin', Role.ADMIN)).key;
  const revoked = (await createApiKey(ds, 'test-revoked', Role.ADMIN)).key;
  await revokeApiKey(ds, 'test-revoked');
  return { editor, admin, revoked };
}
