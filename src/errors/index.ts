import { GraphQLError } from 'graphql';

/** What a request past its deadline is told, wherever the deadline caught it. */
export const TIMEOUT_MESSAGE = 'The operation took longer than this server allows and was stopped.';

/** A client mistake in an argument: the message names the argument, `extensions.field` carries it. */
export const badUserInput = (field: string, message: string) =>
  new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });

/** A lookup by key that matched nothing. */
export const notFound = (type: string, field: string, value: string) =>
  new GraphQLError(`No ${type} has ${field} "${value}".`, { extensions: { code: 'NOT_FOUND', field, value } });

/** An update based on a version someone else has since replaced. */
export const conflict = (type: string, id: string, sent: number, current: number | null) =>
  new GraphQLError(
    current == null
      ? `${type} ${id} changed while this update ran; reload it and try again.`
      : `${type} ${id} is at version ${current}, not ${sent}: someone changed it since you read it. Reload it and try again.`,
    { extensions: { code: 'CONFLICT', field: 'version', currentVersion: current } },
  );
