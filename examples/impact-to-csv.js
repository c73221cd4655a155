#!/usr/bin/env node
// Pulls a roll-up from the Outsourcing Atlas GraphQL API and writes it as CSV: Node 20+, no dependencies.
//
//   node examples/impact-to-csv.js --group-by SUPPLIER,YEAR --out impact.csv
//   ATLAS_URL=https://atlas.example.org node examples/impact-to-csv.js --group-by UNION
//
// Every range becomes two columns, _low and _high; an empty _high means open-ended ("at least …").
// (The server also answers CSV itself: GET /export/impact.csv?groupBy=SUPPLIER,YEAR.)
'use strict';
const fs = require('node:fs');
const { parseArgs } = require('node:util');

const { values: args } = parseArgs({
  options: {
    'group-by': { type: 'string', default: 'SUPPLIER' },
    out: { type: 'string' },
    url: { type: 'string', default: process.env.ATLAS_URL ?? 'http://localhost:4000' },
  },
});

const QUERY = `query RollUp($groupBy: [ImpactDimension!]!) {
  impact(groupBy: $groupBy) {
    key { publicBody { name } supplier { name } union { name } offshoreLocation { name } sector status year service }
    contractCount contested
    jobsAffected { low high }
    jobsOffshored { atRisk { low high } denied { low high } }
    savingsClaimed { perYear { low high } total { low high } }
    moneyLost { low high }
  }
}`;

/** RFC 4180: quote a field when it holds a comma, a quote or a line break, doubling its quotes. */
const field = (value) => {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const line = (cells) => `${cells.map(field).join(',')}\r\n`;

async function main() {
  const groupBy = args['group-by']
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const response = await fetch(new URL('/graphql', args.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: QUERY, variables: { groupBy } }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('\n'));

  const keyOf = (key) =>
    Object.values(key)
      .filter((v) => v != null)
      .map((v) => (typeof v === 'object' ? v.name : v))
      .join(' / ');
  const ranges = {
    jobs_affected: (g) => g.jobsAffected,
    jobs_at_risk: (g) => g.jobsOffshored.atRisk,
    jobs_denied: (g) => g.jobsOffshored.denied,
    savings_per_year: (g) => g.savingsClaimed.perYear,
    savings_total: (g) => g.savingsClaimed.total,
    money_lost: (g) => g.moneyLost,
  };
  let csv = line(['group', 'contract_count', 'contested', ...Object.keys(ranges).flatMap((r) => [`${r}_low`, `${r}_high`])]);
  for (const g of body.data.impact) {
    csv += line([
      keyOf(g.key) || '(none)',
      g.contractCount,
      g.contested,
      ...Object.values(ranges).flatMap((of) => [of(g).low, of(g).high]),
    ]);
  }
  if (args.out) {
    fs.writeFileSync(args.out, csv);
    console.error(`Wrote ${body.data.impact.length} groups to ${args.out}`);
  } else {
    process.stdout.write(csv);
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
