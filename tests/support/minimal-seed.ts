import type { SeedData } from '../../seed/types';

// The smallest seed that passes every rule: one record of each kind the rules reach, quoting one text.

export const MINIMAL_SOURCE = 'a.txt';
export const minimalTexts = { [MINIMAL_SOURCE]: 'The council   will save\nat least £1 million by 2008/09. Xansa is a contractor.' };
const cite = (quote: string) => [{ source: MINIMAL_SOURCE, quote }];

export const minimalSeed = (): SeedData => ({
  sources: [{ slug: 'a', fileName: MINIMAL_SOURCE, title: 'A', kind: 'NEWS_REPORT', summary: 'A source.' }],
  publicBodies: [
    {
      slug: 'council',
      name: 'The council',
      aliases: [],
      kind: 'LOCAL_AUTHORITY',
      sector: 'LOCAL_GOVERNMENT',
      citations: cite('The council'),
    },
  ],
  suppliers: [{ slug: 'xansa', name: 'Xansa', aliases: [], citations: cite('Xansa is a contractor.') }],
  unions: [],
  offshoreLocations: [{ slug: 'india', name: 'India', kind: 'COUNTRY', countryCode: 'IN', aliases: [], citations: cite('Xansa') }],
  people: [],
  contracts: [
    {
      slug: 'deal',
      title: 'Deal',
      description: 'A deal.',
      status: 'PROPOSED',
      services: ['BACK_OFFICE'],
      buyers: ['council'],
      suppliers: [{ supplier: 'xansa', role: 'PROPOSED_PROVIDER' }],
      unions: [],
      quantities: [
        {
          measure: 'SAVINGS_CLAIMED',
          low: 1000000,
          high: null,
          unit: 'GBP',
          basis: 'AT_LEAST',
          wording: 'at least £1 million',
          citations: cite('will save at least £1 million'),
        },
      ],
      offshoring: [{ slug: 'deal-india', location: 'india', status: 'ALLEGED', description: 'Said.', citations: cite('Xansa') }],
      citations: cite('The council will save'),
    },
  ],
  claims: [
    {
      slug: 'claim',
      statement: 'It will save money.',
      stance: 'ASSERTS',
      proposition: 'The deal saves money.',
      claimant: { publicBody: 'council' },
      contract: 'deal',
      offshoring: 'deal-india',
      citations: cite('at least £1 million by 2008/09'),
    },
  ],
  events: [
    {
      slug: 'ev',
      kind: 'MEETING',
      title: 'Met',
      date: { month: 11, day: 13, wording: 'November 13' },
      contract: 'deal',
      unions: [],
      citations: cite('The council'),
    },
  ],
});
