import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A hand-made OCDS package that exercises every mapping rule, and helpers to write test files.

type Json = Record<string, unknown>;

export const party = (id: string, name: string, roles: string[], identifier?: Json): Json => ({
  id,
  name,
  roles,
  ...(identifier ? { identifier } : {}),
});
const gbp = (amount: unknown) => ({ amount, currency: 'GBP' });

/** A release: buyer and supplier parties, one award, and whatever else is given. */
export function release(ocid: string, id: string, date: string, extra: Json = {}): Json {
  return { ocid, id, date, tag: ['award'], initiationType: 'tender', ...extra };
}

export const COUNCIL = party('GB-LAC-E07000001', 'Example District Council', ['buyer'], { scheme: 'GB-LAC', id: 'E07000001' });
export const CONTACT_CO = party('GB-COH-1234567', 'Contact Co Ltd', ['supplier'], {
  scheme: 'GB-COH',
  id: '1234567.0',
  legalName: 'Contact Co Limited',
});

/** ocid-a: a tender, then an award, then a later update of its value; an older release arrives last. */
export const OCID_A = 'ocds-test-a';
export const tenderA = release(OCID_A, 'a-1-tender', '2024-01-10T09:00:00Z', {
  tag: ['tender'],
  parties: [COUNCIL],
  buyer: { id: COUNCIL.id },
  tender: { title: 'Council contact centre', status: 'active' },
});
export const awardA = release(OCID_A, 'a-2-award', '2024-03-01T09:00:00Z', {
  parties: [COUNCIL, CONTACT_CO],
  buyer: { id: COUNCIL.id, name: COUNCIL.name },
  tender: {
    title: 'Council contact centre',
    description: "Running the council's contact centre and switchboard.",
    classification: { scheme: 'CPV', id: '79512000', description: 'Call centre' },
  },
  awards: [
    {
      id: 'a-award-1',
      status: 'active',
      date: '2024-02-28T00:00:00Z',
      value: gbp(250000),
      suppliers: [{ id: CONTACT_CO.id, name: CONTACT_CO.name }],
      contractPeriod: { startDate: '2024-04-01T00:00:00+01:00', endDate: '2027-03-31T23:59:59+01:00' },
    },
  ],
});
export const updateA = {
  ...awardA,
  id: 'a-3-update',
  date: '2024-06-01T09:00:00Z',
  tag: ['awardUpdate'],
  awards: [{ ...(awardA.awards as Json[])[0], value: gbp(275000) }],
};
export const olderA = {
  ...awardA,
  id: 'a-0-early-notice',
  date: '2024-02-01T09:00:00Z',
  tag: ['award'],
  awards: [{ ...(awardA.awards as Json[])[0], value: gbp(1) }],
};

/** ocid-b: the seed's Cambridgeshire and Xansa, under names and identifiers the seed does not have. */
export const OCID_B = 'ocds-test-b';
export const awardB = release(OCID_B, 'b-1', '2024-05-01T00:00:00Z', {
  parties: [
    party('GB-CFS-1', 'Cambridgeshire County Council', ['buyer']),
    party('GB-COH-3041534', 'XANSA PLC', ['supplier'], { scheme: 'GB-COH', id: '3041534' }),
    party('GB-COH-99', 'Also Ran Ltd', ['tenderer']),
  ],
  tender: {
    title: 'Shared services: finance and HR transactions',
    classification: { scheme: 'CPV', id: '79211000', description: 'Accounting services' },
  },
  awards: [{ id: 'b-award', status: 'active', date: '2024-04-20T00:00:00Z', value: gbp(1_000_000), suppliers: [{ id: 'GB-COH-3041534' }] }],
});

/** ocid-c: a supplier under the seed's misspelt alias; the value only on the contract; "shared services" in words. */
export const OCID_C = 'ocds-test-c';
export const awardC = release(OCID_C, 'c-1', '2024-05-02T00:00:00Z', {
  tag: ['contract'],
  parties: [party('GB-CFS-2', 'Department for Transport', ['buyer']), party('GB-CFS-3', 'Avarto Limited', ['supplier'])],
  tender: { title: 'Transactional services', description: 'A shared services centre for the department.' },
  awards: [{ id: 'c-award', status: 'active', suppliers: [{ id: 'GB-CFS-3' }] }],
  contracts: [
    { id: 'c-contract', awardID: 'c-award', status: 'active', value: gbp(5_000_000), period: { startDate: '2013-06-01T00:00:00Z' } },
  ],
});

/** ocid-d: broken text encoding, a value in euros, and an amount beyond 2^53 (written as raw JSON). */
export const OCID_D = 'ocds-test-d';
export const awardD = release(OCID_D, 'd-1', '2024-05-03T00:00:00Z', {
  parties: [party('GB-CFS-4', 'Example Borough Council', ['buyer']), party('GB-CFS-5', 'Euro Services SA', ['supplier'])],
  tender: { title: 'Payroll servicesâ€¯for schools' },
  awards: [
    { id: 'd-award-1', status: 'active', value: { amount: 100, currency: 'EUR' }, suppliers: [{ id: 'GB-CFS-5' }] },
    { id: 'd-award-2', status: 'active', value: gbp('__HUGE__'), suppliers: [{ id: 'GB-CFS-5' }] },
  ],
});
export const HUGE = '12345678901234567890';

/** ocid-e: every award cancelled: the plan was dropped. */
export const OCID_E = 'ocds-test-e';
export const awardE = release(OCID_E, 'e-1', '2024-05-04T00:00:00Z', {
  parties: [party('GB-CFS-6', 'Example Town Council', ['buyer']), party('GB-CFS-7', 'Cancelled Co', ['supplier'])],
  tender: { title: 'Parks maintenance', classification: { scheme: 'CPV', id: '77310000' } },
  awards: [{ id: 'e-award', status: 'cancelled', suppliers: [{ id: 'GB-CFS-7' }] }],
});

/** Broken on purpose: no tag, a date that is not a date, a value amount that is text. */
export const invalid = { ocid: 'ocds-test-bad', id: 'bad-1', date: 'last Tuesday', awards: [{ id: 'x', value: { amount: true } }] };

export const packageOf = (releases: Json[], extra: Json = {}) => ({
  uri: 'https://example.org/ocds/test-package.json',
  version: '1.1',
  publishedDate: '2024-06-02T00:00:00Z',
  publisher: { name: 'Test Publisher' },
  releases,
  ...extra,
});

/** Writes files into a fresh temporary directory; values of `__HUGE__` become the raw unsafe integer. */
export function writeFiles(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-ocds-'));
  for (const [name, content] of Object.entries(files)) {
    const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
    fs.writeFileSync(path.join(dir, name), text.replace(/"__HUGE__"/g, HUGE));
  }
  return dir;
}
