import * as fs from 'fs';
import * as path from 'path';
import type { SeedData } from '../seed/types';
import { loadSeedData, loadSourceTexts, projectRoot, validateSeed } from '../seed/validate';
import { minimalSeed, minimalTexts } from './support/minimal-seed';

const root = projectRoot();
const data = loadSeedData();
const texts = loadSourceTexts();

const bySlug = <T extends { slug: string }>(items: T[], slug: string): T => {
  const found = items.find((i) => i.slug === slug);
  if (!found) throw new Error(`no record ${slug}`);
  return found;
};

describe('seed data', () => {
  it('passes validation', () => {
    expect(validateSeed(data, texts)).toEqual([]);
  });

  it('has one source record per source text', () => {
    expect(Object.keys(texts)).toHaveLength(5);
    expect(data.sources.map((s) => s.fileName).sort()).toEqual(Object.keys(texts).sort());
  });

  it('keeps seed/sources identical to ../shared/sources when that folder exists', () => {
    const shared = path.join(root, '..', 'shared', 'sources');
    if (!fs.existsSync(shared)) return; // nothing to compare against outside the shared workspace
    const sharedTexts = loadSourceTexts(shared);
    expect(Object.keys(texts).sort()).toEqual(Object.keys(sharedTexts).sort());
    for (const name of Object.keys(texts)) expect(texts[name]).toBe(sharedTexts[name]);
  });

  it('keeps misspellings as aliases', () => {
    expect(bySlug(data.suppliers, 'arvato')).toMatchObject({ name: 'Arvato' });
    expect(bySlug(data.suppliers, 'arvato').aliases).toContain('Avarto');
    expect(bySlug(data.unions, 'gmb').aliases).toContain('General Municipal Boilermakers');
    expect(bySlug(data.unions, 'tgwu').aliases).toContain('Transport and General Workers');
    expect(bySlug(data.publicBodies, 'defra').aliases).toEqual(expect.arrayContaining(['Defra', 'DEFRA']));
    expect(bySlug(data.publicBodies, 'moj').aliases).toEqual(expect.arrayContaining(['MoJ', 'MOJ']));
  });

  it('keeps both sides of the Cambridgeshire off-shoring dispute', () => {
    const contract = bySlug(data.contracts, 'cambridgeshire-back-office-xansa');
    const india = (contract.offshoring ?? []).filter((o) => o.location === 'india');
    expect(india.map((o) => o.status).sort()).toEqual(['ALLEGED', 'DENIED']);

    const claims = data.claims.filter((c) => india.some((o) => o.slug === c.offshoring));
    expect(claims.map((c) => c.stance).sort()).toEqual(['ASSERTS', 'DENIES']);
    expect(new Set(claims.map((c) => c.proposition)).size).toBe(1);
    const asserts = claims.find((c) => c.stance === 'ASSERTS')!;
    const denies = claims.find((c) => c.stance === 'DENIES')!;
    expect(asserts.claimant).toMatchObject({ person: 'maggie-hendrick', union: 'unison' });
    expect(asserts.offshoring).toBe(india.find((o) => o.status === 'ALLEGED')!.slug);
    expect(denies.claimant.publicBody).toBe('cambridgeshire-county-council');
    expect(denies.citations[0].source).toBe('001_faf3ae414163dc53.txt');

    // one contract, two reports
    expect(new Set(contract.citations.map((c) => c.source))).toEqual(new Set(['000_43ccdcdf681d1750.txt', '001_faf3ae414163dc53.txt']));
  });

  it('keeps vague figures as ranges with their wording', () => {
    const cambs = bySlug(data.contracts, 'cambridgeshire-back-office-xansa').quantities ?? [];
    expect(cambs.find((q) => q.measure === 'JOBS_AFFECTED')).toMatchObject({
      wording: 'hundreds of jobs',
      low: 200,
      high: 999,
      basis: 'ORDER_OF_MAGNITUDE',
    });

    const savings = cambs.filter((q) => q.measure === 'SAVINGS_CLAIMED');
    expect(savings).toHaveLength(3);
    const atLeast = savings.find((q) => q.basis === 'AT_LEAST')!;
    expect(atLeast).toMatchObject({ low: 1000000, high: null, timeframe: 'by 2008/09' });
    expect(atLeast.citations.map((c) => c.source).sort()).toEqual(['000_43ccdcdf681d1750.txt', '001_faf3ae414163dc53.txt']);
    expect(savings.find((q) => q.basis === 'AT_MOST')).toMatchObject({ low: 0, high: 1000000 });
    expect(savings.find((q) => q.period === 'PER_YEAR')).toMatchObject({ low: 1000000, high: 1000000 });

    const dwpJobs = bySlug(data.contracts, 'dwp-offshoring-call-centres').quantities ?? [];
    expect(dwpJobs).toContainEqual(expect.objectContaining({ measure: 'JOBS_OFFSHORED', low: 20000, high: 99999 }));

    const lost = bySlug(data.contracts, 'moj-it-platform-steria').quantities ?? [];
    expect(lost).toContainEqual(expect.objectContaining({ measure: 'MONEY_LOST', basis: 'RANGE', low: 120000000, high: 200000000 }));

    const dwp = bySlug(data.publicBodies, 'dwp').quantities ?? [];
    expect(dwp).toContainEqual(expect.objectContaining({ measure: 'STAFF_COUNT', basis: 'EXACT', low: 120000, high: 120000 }));
    expect(dwp).toContainEqual(expect.objectContaining({ measure: 'JOB_CUTS', low: 15000, high: 15000 }));

    expect(bySlug(data.unions, 'unison').quantities).toContainEqual(
      expect.objectContaining({ measure: 'MEMBERSHIP', basis: 'APPROXIMATE', low: 1400000, high: 1400000 }),
    );
    expect(bySlug(data.unions, 'pcs').quantities).toContainEqual(
      expect.objectContaining({ measure: 'MEMBERS_SHARE_OF_STAFF', unit: 'PERCENT', low: 70, high: 70, publicBody: 'dwp' }),
    );
  });

  it('models the shared-services contracts from the PCS page', () => {
    const dwpDefra = bySlug(data.contracts, 'dwp-defra-shared-services-steria-sscl');
    expect(dwpDefra.buyers.sort()).toEqual(['defra', 'dwp']);
    expect(dwpDefra.status).toBe('TRANSFERRED');
    expect(dwpDefra.startDate).toEqual({ year: 2013, month: 11, wording: 'November 2013' });
    expect(dwpDefra.offshoring).toContainEqual(expect.objectContaining({ location: 'india', status: 'PLANNED' }));

    const dft = bySlug(data.contracts, 'dft-shared-services-arvato');
    expect(dft.suppliers).toEqual([{ supplier: 'arvato', role: 'PROVIDER' }]);
    expect(dft.startDate).toEqual({ year: 2013, month: 6, wording: 'June 2013' });

    expect(bySlug(data.contracts, 'moj-it-platform-steria').status).toBe('FAILED');
    for (const slug of ['hmrc-shared-services-privatisation', 'mod-shared-services-privatisation']) {
      expect(bySlug(data.contracts, slug)).toMatchObject({ status: 'PROPOSED' });
    }

    const dwpOffshore = bySlug(data.contracts, 'dwp-offshoring-call-centres').offshoring ?? [];
    expect(dwpOffshore.map((o) => [o.location, o.status]).sort()).toEqual([
      ['eastern-europe', 'PLANNED'],
      ['india', 'PLANNED'],
    ]);
  });

  it('keeps partial dates without invented parts', () => {
    const meeting = bySlug(data.events, 'cambridgeshire-unions-strategy-meeting');
    expect(meeting.date).toEqual({ month: 11, day: 13, wording: 'November 13' });
    expect(meeting.unions.sort()).toEqual(['gmb', 'tgwu', 'unison']);
    expect(bySlug(data.events, 'unison-motion-carried-2006').date).toEqual({ year: 2006, month: 2, day: 24, wording: '24 February 2006' });
    expect(bySlug(data.events, 'cambridgeshire-cabinet-postpones-decision').date).toEqual({ wording: 'Tuesday' });
    // only 002 states a year before 2013
    const years = [...data.events.map((e) => e.date), ...data.contracts.map((c) => c.startDate)].flatMap((d) => (d?.year ? [d.year] : []));
    expect(new Set(years)).toEqual(new Set([2006, 2013]));
  });

  it('gives David Cameron no office the text does not state', () => {
    const cameron = bySlug(data.people, 'david-cameron');
    for (const role of cameron.roles) expect(role.title).not.toMatch(/prime minister/i);
  });
});

describe('validateSeed', () => {
  const sourceTexts = minimalTexts;
  const minimal = minimalSeed;

  const errorsAfter = (mutate: (d: SeedData) => void): string[] => {
    const d = minimal();
    mutate(d);
    return validateSeed(d, sourceTexts);
  };

  it('accepts the minimal valid data (whitespace in quotes may differ)', () => {
    expect(validateSeed(minimal(), sourceTexts)).toEqual([]);
  });

  it('rejects an offshoring entry that no claim backs', () => {
    const errors = errorsAfter((d) => {
      delete d.claims[0].offshoring;
    });
    expect(errors).toEqual([expect.stringMatching(/deal-india.*no claim backs this entry/)]);
  });

  it('rejects a misquoted citation', () => {
    const errors = errorsAfter((d) => {
      d.contracts[0].citations[0].quote = 'The Council will save';
    });
    expect(errors).toEqual([expect.stringMatching(/contracts\[deal\]\.citations\[0\]: quote not found in a\.txt/)]);
  });

  it('rejects a citation of an unknown source', () => {
    const errors = errorsAfter((d) => {
      d.suppliers[0].citations = [{ source: 'nope.txt', quote: 'Xansa' }];
    });
    expect(errors).toEqual([expect.stringMatching(/suppliers\[xansa\]\.citations\[0\]: source "nope.txt" is not a source file/)]);
  });

  it('rejects a record without citations', () => {
    const errors = errorsAfter((d) => {
      d.events[0].citations = [];
    });
    expect(errors).toEqual(['events[ev]: needs at least one citation']);
  });

  it('rejects dangling references', () => {
    const errors = errorsAfter((d) => {
      d.contracts[0].buyers = ['nobody'];
      d.claims[0].offshoring = 'missing-entry';
      d.events[0].unions = ['ghost-union'];
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'contracts[deal]: buyer "nobody" is not a known public body',
        'claims[claim]: offshoring "missing-entry" is not a known offshoring entry',
        'events[ev]: union "ghost-union" is not a known union',
        // The claim no longer backs deal-india, which leaves that entry unattributed.
        'contracts[deal].offshoring[deal-india]: no claim backs this entry (who says so?)',
      ]),
    );
    expect(errors).toHaveLength(4);
  });

  it('rejects a duplicate slug, which a reference could not tell apart', () => {
    const errors = errorsAfter((d) => {
      d.suppliers.push({ ...d.suppliers[0] });
    });
    expect(errors).toEqual(['suppliers[xansa]: duplicate slug']);
  });

  it('rejects a body that is its own ancestor', () => {
    const errors = errorsAfter((d) => {
      d.publicBodies.push({ ...d.publicBodies[0], slug: 'county', parent: 'council' });
      d.publicBodies[0].parent = 'county';
    });
    expect(errors).toEqual([
      'publicBodies[council]: is its own ancestor (council → county → council)',
      'publicBodies[county]: is its own ancestor (county → council → county)',
    ]);
  });

  it("rejects a date without the source's wording", () => {
    const errors = errorsAfter((d) => {
      d.events[0].date = { month: 11, day: 13, wording: ' ' };
    });
    expect(errors).toEqual(["events[ev]: date.wording must give the source's words"]);
  });

  it('requires a record for every source text', () => {
    const errors = validateSeed(minimal(), { ...sourceTexts, 'b.txt': 'Other.' });
    expect(errors).toEqual(['sources: no source record for b.txt']);
  });
});
