import type { ApolloServerPlugin } from '@apollo/server';
import { endSnapshot } from '../database/request-scope';

/**
 * Ends an operation's read transaction as soon as its answer is built, before the answer is sent: a slow
 * client reading a large answer must not hold a database reader (and its snapshot) while it reads. The
 * answer does not wait for the end to be acknowledged: a read-only transaction has nothing to commit, and
 * its connection goes back to the pool when the database has answered.
 */
export const snapshotPlugin = (): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async willSendResponse() {
        void endSnapshot().catch(() => undefined);
      },
    };
  },
});
