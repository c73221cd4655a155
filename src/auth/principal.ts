import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { Role } from '../entities/api-key';
import { verifyApiKey } from './api-keys';

export interface Principal {
  keyName: string;
  role: Role;
}

/** What the Authorization header said: no key, a key that is not valid, or a live key. */
export type Credentials = { kind: 'none' } | { kind: 'invalid' } | { kind: 'key'; principal: Principal };

/** Reads `Authorization: Bearer <key>`. Reads are public, so this runs only when a mutation asks for it. */
export async function authenticate(ds: DataSource, authorization: string | undefined): Promise<Credentials> {
  if (!authorization) return { kind: 'none' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return { kind: 'invalid' };
  const key = await verifyApiKey(ds, match[1]);
  return key ? { kind: 'key', principal: { keyName: key.name, role: key.role } } : { kind: 'invalid' };
}

const RANK: Record<Role, number> = { [Role.EDITOR]: 1, [Role.ADMIN]: 2 };

/** The principal allowed to act, or UNAUTHENTICATED (no or bad key) / FORBIDDEN (role too low). */
export function authorize(credentials: Credentials, needed: Role, operation: string): Principal {
  if (credentials.kind === 'none') {
    throw new GraphQLError(`${operation} needs an API key: send "Authorization: Bearer <key>".`, { extensions: { code: 'UNAUTHENTICATED' } });
  }
  if (credentials.kind === 'invalid') {
    throw new GraphQLError('The API key is not valid: it is malformed, unknown or revoked.', { extensions: { code: 'UNAUTHENTICATED' } });
  }
  if (RANK[credentials.principal.role] < RANK[needed]) {
    throw new GraphQLError(`${operation} needs the ${needed} role; the key "${credentials.principal.keyName}" is ${credentials.principal.role}.`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
  return credentials.principal;
}
