import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { AuditResolver } from '../resolvers/audit.resolver';
import { ClaimResolver } from '../resolvers/claim.resolver';
import { ContractSupplierResolver, ContractUnionResolver } from '../resolvers/contract-links.resolver';
import { ContractResolver } from '../resolvers/contract.resolver';
import { EventResolver } from '../resolvers/event.resolver';
import { ImpactKeyResolver, ImpactResolver } from '../resolvers/impact.resolver';
import { mutationResolvers } from '../resolvers/mutations';
import { NodeResolver, SearchHitResolver } from '../resolvers/node.resolver';
import { OcdsReleaseResolver, PartyMatchResolver } from '../resolvers/ocds.resolver';
import { OffshoreLocationResolver } from '../resolvers/offshore-location.resolver';
import { OffshoringResolver } from '../resolvers/offshoring.resolver';
import { PersonResolver, PersonRoleResolver } from '../resolvers/person.resolver';
import { PublicBodyResolver } from '../resolvers/public-body.resolver';
import { QuantityResolver } from '../resolvers/quantity.resolver';
import { CitationResolver, SourceResolver } from '../resolvers/source.resolver';
import { SupplierResolver } from '../resolvers/supplier.resolver';
import { UnionResolver } from '../resolvers/union.resolver';
import { guardResolvers } from '../limits/guard-resolvers';
import { resolveMethodFields } from './method-fields';
import { validateArgs } from './validate-args';

export const resolvers = [
  PublicBodyResolver,
  SupplierResolver,
  UnionResolver,
  OffshoreLocationResolver,
  ContractResolver,
  ContractSupplierResolver,
  ContractUnionResolver,
  OffshoringResolver,
  QuantityResolver,
  ClaimResolver,
  EventResolver,
  PersonResolver,
  PersonRoleResolver,
  SourceResolver,
  CitationResolver,
  NodeResolver,
  SearchHitResolver,
  ImpactResolver,
  ImpactKeyResolver,
  AuditResolver,
  PartyMatchResolver,
  OcdsReleaseResolver,
  ...mutationResolvers,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The one schema: the server, the SDL snapshot and the tests all build it here (once per process). */
export function buildAtlasSchema(): Promise<GraphQLSchema> {
  // A plain field (a column or property, with no resolver of its own) is read straight off its object, with
  // no resolver for `guardResolvers` to wrap: its checks matter only where a resolver takes arguments or
  // reads the database (a resolver on every field was a third of a nested page's time).
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
  built ??= buildSchema({
    resolvers,
    validate: true,
    validateFn: validateArgs,
    emitSchemaFile: false,
  }).then((schema) => {
    const query = schema.getQueryType();
    // type-graphql has no option for the root types' descriptions.
    if (query) query.description = 'Read the atlas: lists (Relay connections), lookups by slug or global ID, and search.';
    const mutation = schema.getMutationType();
    if (mutation) {
      mutation.description =
        'Change the atlas: create, update, archive and link records. Needs an API key (`Authorization: Bearer <key>`).';
    }
    return guardResolvers(resolveMethodFields(schema));
  });
  return built;
}
