import { loadConfig } from '../src/config';

// Settings that count things are checked at start-up, naming the setting: a typo must stop the server,
// not run it with a cache of -1 or a page size of 2.5.
const OFF_AT_ZERO = [
  'DATABASE_IDLE_TIMEOUT_MS',
  'HEAP_GROWING_PERCENT',
  'CACHE_MAX_AGE',
  'RESPONSE_CACHE_MB',
  'ROLLUP_CACHE_GROUPS',
] as const;
const AT_LEAST_ONE = [
  'MAX_PAGE_SIZE',
  'MAX_DEPTH',
  'MAX_ALIASES',
  'MAX_ROOT_FIELDS',
  'MAX_COST',
  'MAX_BODY_BYTES',
  'MAX_BATCH',
  'REQUEST_TIMEOUT_MS',
  'RATE_LIMIT_POINTS',
  'RATE_LIMIT_WINDOW_SECONDS',
  'SHUTDOWN_GRACE_MS',
] as const;

test.each(OFF_AT_ZERO)('%s takes a whole number, 0 or more', (name) => {
  expect(() => loadConfig({ [name]: '-1' })).toThrow(`${name} must be a whole number, 0 or more, not -1.`);
  expect(() => loadConfig({ [name]: '1.5' })).toThrow(new RegExp(name));
  expect(loadConfig({ [name]: '0' })[name]).toBe(0);
});

test.each(AT_LEAST_ONE)('%s takes a whole number, 1 or more', (name) => {
  expect(() => loadConfig({ [name]: '0' })).toThrow(`${name} must be a whole number, 1 or more, not 0.`);
  expect(() => loadConfig({ [name]: '2.5' })).toThrow(new RegExp(name));
  expect(loadConfig({ [name]: '7' })[name]).toBe(7);
});

test('settings with a ceiling refuse more, naming it', () => {
  expect(() => loadConfig({ DATABASE_IDLE_TIMEOUT_MS: '2147483648' })).toThrow(
    'DATABASE_IDLE_TIMEOUT_MS must be at most 2147483647, not 2147483648 (0 keeps idle connections for good).',
  );
  expect(loadConfig({ DATABASE_IDLE_TIMEOUT_MS: '2147483647' }).DATABASE_IDLE_TIMEOUT_MS).toBe(2147483647);
  expect(() => loadConfig({ HEAP_GROWING_PERCENT: '1001' })).toThrow(/HEAP_GROWING_PERCENT must be at most 1000, not 1001/);
});
