import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSchema, GraphQLError, type GraphQLSchema, parse, type OperationDefinitionNode } from 'graphql';
import { byDeadline, executorGateway } from '../src/execution/executor-gateway';

// Roll-ups run compiled (graphql-jit), everything else through graphql-js: either way the answer and its
// errors must be what graphql-js gives, since Apollo's error formatting and masking read them.
const schema: GraphQLSchema = buildSchema(`
  type Group { n: Int! label: String }
  enum Direction { ASC DESC }
  input Order { direction: Direction = ASC }
  type Query { impact(fail: String, order: Order): [Group!]! other(fail: String, order: Order): [Group!]! }
`);
const groups = [
  { n: 1, label: 'a' },
  { n: 2, label: null },
];
const resolve = (_: unknown, { fail, order }: { fail?: string; order?: { direction?: string | null } }) => {
  if (order) return [{ n: 0, label: String(order.direction) }];
  if (fail === 'plain') throw new Error('the database went away');
  if (fail === 'coded') throw new GraphQLError('too late', { extensions: { code: 'TIMEOUT' } });
  return groups;
};
schema.getQueryType()!.getFields().impact.resolve = resolve;
schema.getQueryType()!.getFields().other.resolve = resolve;

let executor: GatewayExecutor;
beforeAll(async () => {
  const gateway = executorGateway(schema);
  let loaded: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (loaded = apiSchema));
  expect(loaded).toBe(schema);
  executor = (await gateway.load({ apollo: {} })).executor!;
});

const run = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return executor({
    document,
    operation,
    request: { query, variables },
    context: {},
    operationName: null,
    queryHash: query,
  } as unknown as GatewayGraphQLRequestContext);
};

test.each(['impact', 'other'])('%s: the groups, the same from either executor', async (field) => {
  expect(await run(`{ ${field} { n label } }`)).toEqual({ data: { [field]: groups } });
  // Asked again: a compiled roll-up is reused, with the same answer.
  expect(await run(`{ ${field} { n label } }`)).toEqual({ data: { [field]: groups } });
});

test.each(['impact', 'other'])('%s: a resolver error is a graphql-js error, with extensions, path and locations', async (field) => {
  for (const [fail, extensions] of [
    ['plain', {}],
    ['coded', { code: 'TIMEOUT' }],
  ] as const) {
    const { errors } = await run(`{ ${field}(fail: "${fail}") { n } }`);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toBeInstanceOf(GraphQLError);
    expect(errors![0].extensions).toEqual(extensions);
    expect(errors![0].toJSON()).toMatchObject({ locations: [{ line: 1, column: 3 }], path: [field] });
    expect(errors![0].originalError).toBeInstanceOf(Error);
  }
});

test.each(['impact', 'other'])('%s: a bad variable is the error graphql-js gives, on its variable', async (field) => {
  const { errors } = await run(`query ($fail: String) { ${field}(fail: $fail) { n } }`, { fail: 7 });
  expect(errors).toHaveLength(1);
  expect(errors![0].message).toMatch(/^Variable "\$fail" got invalid value 7/);
  expect(errors![0].nodes?.map((node) => node.kind)).toEqual(['VariableDefinition']);
});

test.each(['impact', 'other'])('%s: a variable inside an argument, not sent, leaves the default as graphql-js does', async (field) => {
  const { data } = await run(`query ($d: Direction) { ${field}(order: { direction: $d }) { label } }`, {});
  expect(data).toEqual({ [field]: [{ label: 'ASC' }] });
  const sent = await run(`query ($d: Direction) { ${field}(order: { direction: $d }) { label } }`, { d: 'DESC' });
  expect(sent.data).toEqual({ [field]: [{ label: 'DESC' }] });
});

test("an operation that names none of the document's is answered by graphql-js, not thrown", async () => {
  const query = 'query A { impact { n } } query B { other { n } }';
  const document = parse(query);
  const result = await executor({
    document,
    operation: undefined,
    request: { query, operationName: 'C' },
    context: {},
    operationName: 'C',
    queryHash: query,
  } as unknown as GatewayGraphQLRequestContext);
  expect(result.errors?.[0].message).toBe('Unknown operation named "C".');
});

test('a compiled operation that never settles is answered TIMEOUT once its deadline and grace have passed', async () => {
  const never = new Promise<never>(() => {});
  const started = Date.now();
  const answer = await byDeadline(never, Date.now() + 20, 30);
  expect(answer).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'TIMEOUT' } })] });
  expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  // Without a deadline (the CSV export's own operations set theirs) the answer is awaited as it is.
  expect(await byDeadline(Promise.resolve({ data: 1 }), null, 30)).toEqual({ data: 1 });
});
