import { GraphQLError } from 'graphql';
import { Role } from '../schema/enums';
import type { KeyVerifier } from './verified-keys';

export interface Principal {
  keyName: string;
  role: Role;
}

/** What the Authorization header said: no key, a key that is not valid, or a live key (with its lookup, which budgets key on). */
export type Credentials = { kind: 'none' } | { kind: 'invalid' } | { kind: 'key'; principal: Principal; lookup: string };

/** The token of `Authorization: Bearer <token>`; undefined for no header, null for a header that is not one bearer token. */
function bearerToken(authorization: string | undefined): string | null | undefined {
  if (!authorization) return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? null;
}

/** Reads `Authorization: Bearer <key>`: no header is anonymous; anything else must be a live key. */
export async function authenticate(keys: KeyVerifier, authorization: string | undefined): Promise<Credentials> {
  const token = bearerToken(authorization);
  if (token === undefined) return { kind: 'none' };
  if (token === null) return { kind: 'invalid' };
  const key = await keys.verify(token);
  return key ? { kind: 'key', principal: { keyName: key.name, role: key.role }, lookup: key.lookup } : { kind: 'invalid' };
}

const RANK: Record<Role, number> = { [Role.EDITOR]: 1, [Role.ADMIN]: 2 };

/** The refusal of a token that is not a live key: on any request, read or write (as GitHub answers bad credentials). */
export const invalidKey = () =>
  new GraphQLError('The API key is not valid: it is malformed, unknown or revoked. Send no Authorization header to read anonymously.', {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: new Map([['www-authenticate', 'Bearer error="invalid_token"']]) },
    },
  });

/** The principal allowed to act, or UNAUTHENTICATED (no or bad key) / FORBIDDEN (role too low). */
export function authorize(credentials: Credentials, needed: Role, operation: string): Principal {
  if (credentials.kind === 'none') {
    throw new GraphQLError(`${operation} needs an API key: send "Authorization: Bearer <key>".`, {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  if (credentials.kind === 'invalid') {
    throw new GraphQLError('The API key is not valid: it is malformed, unknown or revoked.', { extensions: { code: 'UNAUTHENTICATED' } });
  }
  if (RANK[credentials.principal.role] < RANK[needed]) {
    throw new GraphQLError(
      `${operation} needs the ${needed} role; the key "${credentials.principal.keyName}" is ${credentials.principal.role}.`,
      {
        extensions: { code: 'FORBIDDEN' },
      },
    );
  }
  return credentials.principal;
}
