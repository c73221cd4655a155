import type { ApolloServerPlugin } from '@apollo/server';
import { endSnapshot } from '../database/request-scope';

/**
 * Ends an operation's read transaction as soon as its answer is built, before the answer is sent: a slow
 * client reading a large answer must not hold a database reader (and its snapshot) while it reads.
 */
export const snapshotPlugin = (): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async willSendResponse() {
        await endSnapshot();
      },
    };
  },
});
