import { GraphQLError } from 'graphql';

/** A client mistake in an argument: the message names the argument, `extensions.field` carries it. */
export const badUserInput = (field: string, message: string) =>
  new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });

/** A lookup by key that matched nothing. */
export const notFound = (type: string, field: string, value: string) =>
  new GraphQLError(`No ${type} has ${field} "${value}".`, { extensions: { code: 'NOT_FOUND', field, value } });
