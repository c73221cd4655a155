import fs from 'node:fs';
import { once } from 'node:events';

const CPV = ['79512000', '72000000', '79211000', '63712400', '45233130', '85000000', '79500000', '77310000'];
const TITLES = [
  'Contact centre services',
  'IT managed service',
  'Accounts payable',
  'Parking enforcement',
  'Highway works',
  'Social care',
  'Office support',
  'Parks maintenance',
];

/** A deterministic release: the n-th of a run, naming one of `bodies` buyers and one of `suppliers` suppliers. */
export function generatedRelease(n: number, bodies = 500, suppliers = 2000) {
  const b = n % bodies;
  const s = (n * 7919) % suppliers;
  const k = n % CPV.length;
  return {
    ocid: `ocds-bench-${n}`,
    id: `ocds-bench-${n}-award`,
    date: `2024-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}T10:00:00Z`,
    tag: ['award'],
    initiationType: 'tender',
    parties: [
      { id: `GB-BENCH-B${b}`, name: `Bench Council ${b}`, roles: ['buyer'], identifier: { scheme: 'GB-BENCH', id: `B${b}` } },
      {
        id: `GB-COH-${10_000_000 + s}`,
        name: `Supplier ${s} Ltd`,
        roles: ['supplier'],
        identifier: { scheme: 'GB-COH', id: String(10_000_000 + s) },
      },
    ],
    buyer: { id: `GB-BENCH-B${b}` },
    tender: {
      title: `${TITLES[k]} ${n}`,
      description: `Generated release ${n} for the import benchmark.`,
      classification: { scheme: 'CPV', id: CPV[k], description: TITLES[k] },
    },
    awards: [
      {
        id: `award-${n}`,
        status: 'active',
        date: '2024-01-15T00:00:00Z',
        value: { amount: 10_000 + (n % 1000) * 1000, currency: 'GBP' },
        suppliers: [{ id: `GB-COH-${10_000_000 + s}` }],
        contractPeriod: { startDate: '2024-02-01T00:00:00Z', endDate: '2027-01-31T23:59:59Z' },
      },
    ],
  };
}

/** Writes a release package of `count` releases, streaming, so the generator's memory stays flat too. */
export async function writePackage(file: string, count: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    '{"uri":"https://example.org/bench.json","version":"1.1","publishedDate":"2024-12-31T00:00:00Z","publisher":{"name":"Benchmark"},"releases":[\n',
  );
  for (let n = 0; n < count; n += 1) await write(`${n ? ',\n' : ''}${JSON.stringify(generatedRelease(n))}`);
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return fs.statSync(file).size;
}
