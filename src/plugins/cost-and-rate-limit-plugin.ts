import type { ApolloServerPlugin } from '@apollo/server';
import { type FieldNode, GraphQLError } from 'graphql';
import { invalidKey } from '../auth/principal';
import type { Config } from '../config';
import type { Context } from '../context';
import { StatementTimeoutError } from '../database/sqlite/read-pool';
import type { RollUpSizeCounter, RollUpSizes } from '../services/impact/rollup-sizes';
import { type HeavyWorkGate, type Release, ServerBusyError } from '../limits/admission';
import { operationCost } from '../limits/cost';
import { isLightRollUp, LIGHT_CONTRACTS } from '../limits/light-roll-up';
import type { ContractFilter } from '../schema/filters';
import { namesParties } from '../services/impact/named-parties';
import type { Budget, CostLimiter } from '../limits/rate-limiter';

const withStatus = (error: GraphQLError, status: number) =>
  new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });

/**
 * Whether these filters select at most LIGHT_CONTRACTS contracts between them, by their parties' kept
 * counts: a roll-up of one council's contracts should not queue behind roll-ups of every supplier, and an
 * operation asking for many such roll-ups (aliases) adds them up. A count that cannot be read (no counter, a
 * reader timed out, kept groups behind) leaves the operation heavy.
 */
async function fewContracts(filters: ContractFilter[], sizes: RollUpSizeCounter | undefined): Promise<boolean> {
  if (!sizes) return false;
  let total = 0;
  for (const filter of filters) {
    const most = await sizes.contractsOfNamedParties(filter).catch(() => null);
    if (most == null) return false;
    total += most;
    if (total > LIGHT_CONTRACTS) return false;
  }
  return true;
}

/** The refusal when a client's budget is spent: 429, with the seconds to wait. */
export function rateLimited(budget: Budget): GraphQLError {
  const retryAfter = Math.ceil(budget.resetMs / 1000);
  return new GraphQLError(`The rate limit is spent: ${budget.limit} cost points per window. Try again in ${retryAfter} s.`, {
    extensions: { code: 'RATE_LIMITED', retryAfter, http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) } },
  });
}

/** The budget as RateLimit headers (draft IETF names, as GitHub and others send them). */
export function rateLimitHeaders(budget: Budget): Array<[string, string]> {
  return [
    ['ratelimit-limit', String(budget.limit)],
    ['ratelimit-remaining', String(budget.remaining)],
    ['ratelimit-reset', String(Math.ceil(budget.resetMs / 1000))],
  ];
}

/**
 * Before anything executes: the operation's cost is estimated and refused over MAX_COST (400), then spent
 * from the client's budget and refused when the budget is gone (429). Every answer then carries the
 * budget in RateLimit headers and the cost in `extensions.cost` (with the budget too, except on GET), as the
 * large public GraphQL APIs do.
 */
export function costAndRateLimitPlugin(
  config: Pick<Config, 'MAX_COST' | 'MAX_PAGE_SIZE'>,
  limiter: CostLimiter,
  rollUpSizes?: RollUpSizeCounter,
  gate?: HeavyWorkGate,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let cost: number | undefined;
      let budget: Budget | undefined;
      let heavy = false;
      /** Roll-ups otherwise heavy whose filters name buyers or suppliers: light if those have few contracts. */
      const ofNamedParties = new Map<FieldNode, ContractFilter>();
      let release: Release | undefined;
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          try {
            let grouped = false;
            const price = (sizes?: RollUpSizes) =>
              Math.max(
                1,
                operationCost(schema, document, request.variables ?? {}, operationName ?? undefined, {
                  maxPageSize: config.MAX_PAGE_SIZE,
                  sizes,
                  onRollUp: (declared, args, node) => {
                    // A roll-up read from kept rows, with few groups, is light work: it never waits for a slot.
                    // So is one of a few buyers' or suppliers' contracts, once counted (below).
                    const filter = args.filter as ContractFilter | undefined;
                    if (!('rollUp' in declared)) heavy = true;
                    else if (!isLightRollUp(node, args)) {
                      if (namesParties(filter)) ofNamedParties.set(node, filter!);
                      else heavy = true;
                    }
                    if ('rollUp' in declared && declared.rollUp === 'groups') grouped = true;
                  },
                }),
              );
            // Priced with the sizes counted last (they price only grouped roll-ups, by the groups the data
            // can form); an operation holding one then reads the current version's count (kept per data
            // version), and is priced again only if that is not what the guess was.
            const guess = rollUpSizes?.last();
            cost = price(guess);
            if (grouped && rollUpSizes) {
              // A count that fails (its reader timed out) keeps the guess rather than pricing by a default.
              const sizes = await rollUpSizes.sizes().catch(() => guess);
              if (sizes !== guess) cost = price(sizes);
            }
          } catch (error) {
            if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') throw withStatus(error, 400);
            // Variables that do not fit the operation: execution refuses them (BAD_USER_INPUT) before any resolver runs.
            return;
          }
          contextValue.requestLog.cost = cost;
          contextValue.requestLog.operationName = operationName ?? null;
          if (cost > config.MAX_COST) {
            throw new GraphQLError(
              `This operation would cost ${cost}; the most one operation may cost is ${config.MAX_COST}. Ask for fewer items or fields (a roll-up: its top groups, with \`first\`).`,
              {
                extensions: { code: 'QUERY_TOO_COMPLEX', cost, maximumCost: config.MAX_COST, http: { status: 400 } },
              },
            );
          }
          const credentials = await contextValue.credentials().catch((error: unknown) => {
            // The key check reads the database; at a deadline already past, that is a TIMEOUT, not a crash.
            if (error instanceof StatementTimeoutError)
              throw new GraphQLError(error.message, { extensions: { code: 'TIMEOUT', http: { status: 503 } } });
            throw error;
          });
          if (credentials.kind === 'invalid') {
            // Charged to the address, so guessing tokens is not free either; then refused before anything runs.
            if (contextValue.spendsBudget) await limiter.spend(await contextValue.client(), cost);
            throw invalidKey();
          }
          if (!heavy && ofNamedParties.size) heavy = !(await fewContracts([...ofNamedParties.values()], rollUpSizes));
          // Heavy work waits for a slot (or is refused, 503) before it is charged: being turned away for the
          // server's load costs the client nothing. An export holds one slot for all its pages.
          if (heavy && gate && !contextValue.admitted) {
            try {
              release = await gate.admit();
            } catch (error) {
              if (error instanceof ServerBusyError) throw error.toGraphQL();
              throw error;
            }
          }
          if (!contextValue.spendsBudget) return;
          budget = await limiter.spend(await contextValue.client(), cost);
          if (!budget.allowed) {
            release?.();
            throw rateLimited(budget);
          }
        },
        async willSendResponse({ request, response }) {
          release?.();
          // A GET answer may be cached and shared by URL, so its body must not carry this client's budget
          // (the headers do): the same query then has the same body, and its ETag can match.
          const perClient = budget && request.http?.method !== 'GET';
          if (budget) for (const [name, value] of rateLimitHeaders(budget)) response.http.headers.set(name, value);
          if (cost !== undefined && response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: {
                requestedQueryCost: cost,
                maximumQueryCost: config.MAX_COST,
                ...(perClient && budget
                  ? {
                      throttleStatus: {
                        maximumAvailable: budget.limit,
                        currentlyAvailable: budget.remaining,
                        resetInSeconds: Math.ceil(budget.resetMs / 1000),
                      },
                    }
                  : {}),
              },
            };
          }
        },
      };
    },
  };
}
