import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/** Calls the source's function of the field's name, as graphql-js's default resolver would. */
const callMethod: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, args, context, info) => {
  const value = source[info.fieldName];
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).call(source, args, context, info) : value;
};

/**
 * Gives a resolver of its own to each field declared `simple: true`: in this schema that marks a function
 * on the source object, called only when the field is selected (a connection's `totalCount`, a roll-up's
 * per-group statements). graphql-js's default resolver calls such functions; the compiled executor
 * (graphql-jit) reads a plain field as a property, so these must say that they are calls.
 */
export function resolveMethodFields(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const methods = storage.fields.filter((field) => field.simple === true);
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const method of methods) {
      // Declared on the type's class or on a class it extends.
      if (method.target !== objectType.target && !(objectType.target.prototype instanceof method.target)) continue;
      const field = fields[method.schemaName];
      if (field && !field.resolve) field.resolve = callMethod as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
