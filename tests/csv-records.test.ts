import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { type Cell, csvRecords, defuseFormulas } from '../src/export/csv-response';

// The CSV writer is hand-written (README, decisions): whatever the cells, a standard parser reads back
// exactly the rows written, text defused, numbers and booleans as written, no value as an empty field.
const text = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', '£', '\uFF1D', "'"),
});
const cell: fc.Arbitrary<Cell> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const expected = (value: Cell) => (value == null ? '' : typeof value === 'string' ? defuseFormulas(value) : String(value));

test('a standard parser reads back every row written', () => {
  fc.assert(
    fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
      const width = rows[0].length;
      const even = rows.map((row) => Array.from({ length: width }, (_, i) => row[i]));
      const out = csvRecords(even);
      expect(out.endsWith('\r\n')).toBe(true);
      // Any line break ends a record for this parser (as for Python's csv): one inside a field must be quoted.
      expect(parse(out, { record_delimiter: ['\r\n', '\n', '\r'] })).toEqual(even.map((row) => row.map(expected)));
    }),
    { seed: 20261206, numRuns: 300 },
  );
});
