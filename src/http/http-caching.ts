import { type DocumentNode, type GraphQLSchema, isObjectType, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import type { RequestHandler } from 'express';
import { NEEDS_KEY } from '../auth/require-role';

function selectsKeyedField(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        if (typeInfo.getFieldDef()?.extensions?.[NEEDS_KEY]) found = true;
      },
    }),
  );
  return found;
}

const keyed = new WeakMap<DocumentNode, boolean>();

/**
 * Whether the operation selects any field that needs a key (directly, by alias or through a fragment):
 * such an answer is the key's alone. Worked out once per parsed document (Apollo reuses the document for a
 * repeated query).
 */
export function needsKey(schema: GraphQLSchema, document: DocumentNode): boolean {
  let found = keyed.get(document);
  if (found === undefined) {
    found = selectsKeyedField(schema, document);
    keyed.set(document, found);
  }
  return found;
}

/** What a public read carries: cacheable by anyone for `maxAge` seconds, or never when `maxAge` is 0. */
export const publicCacheControl = (maxAge: number) => (maxAge > 0 ? `max-age=${maxAge}, public` : 'no-store');

/** Every field of the schema that needs a key (for the test that the policy knows them all). */
export function keyedFields(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((f) => f.extensions?.[NEEDS_KEY])
        .map((f) => `${type.name}.${f.name}`),
    );
}

/**
 * The answer varies with `Accept` (its media type, and the status of a request error), so a shared cache
 * must key on it. Set on Express's response, where CORS adds `Origin` beside it; Apollo's own headers
 * would replace the whole `Vary`.
 */
export const varyOnAccept: RequestHandler = (_req, res, next) => {
  res.vary('Accept');
  next();
};
