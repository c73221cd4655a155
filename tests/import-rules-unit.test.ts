import { classify } from '../src/import/classify';
import { matchName, partyKey, portalName } from '../src/import/identifiers';
import { repairMojibake } from '../src/import/repair-text';

// The importer's rules on their own: classification, identifiers, names, and text repair.

test.each([
  [['79512000'], [], ['CALL_CENTRES']],
  [['79211110'], [], ['HR']],
  [['79211000'], [], ['FINANCE']],
  [['72500000', '72000000'], [], ['IT']],
  [['79999200'], [], ['INVOICE_PROCESSING']],
  [[], ['Revenues and Benefits service'], ['BENEFIT_PROCESSING']],
  [[], ['A Shared Services Centre'], ['SHARED_SERVICES']],
  [[], ['Business Process Outsourcing partner'], ['BACK_OFFICE']],
  [['63712400'], ['Parking enforcement'], []],
  [[], ['Hrs of contact'], []],
])('CPV %j and words %j classify as %j', (codes, texts, services) => {
  const result = classify(codes, texts);
  expect(result.services.sort()).toEqual(services);
  expect(result.outsourcing).toBe(services.length > 0);
  expect(result.reason).toMatch(services.length ? /^Back-office outsourcing: / : /^Not back-office outsourcing: /);
});

test("a party's key: identifier first, else an org-id style id, normalised", () => {
  expect(partyKey({ id: 'x', identifier: { scheme: 'gb-coh', id: '1234567.0' } })).toEqual({ scheme: 'GB-COH', identifier: '01234567' });
  expect(partyKey({ id: 'GB-CFS-18525', identifier: { legalName: 'Merton' } as never })).toEqual({ scheme: 'GB-CFS', identifier: '18525' });
  expect(partyKey({ id: 'GB-SRS-sid4gov.cabinetoffice.gov.uk/rFBk7FPE' })).toEqual({
    scheme: 'GB-SRS',
    identifier: 'sid4gov.cabinetoffice.gov.uk/rFBk7FPE',
  });
  expect(partyKey({ id: 'buyer-1' })).toBeNull();
  expect(partyKey({ id: 7, identifier: { scheme: 'GB-LAC', id: 'E09000003' } })).toEqual({ scheme: 'GB-LAC', identifier: 'E09000003' });
});

test('names match whatever their case, accents, punctuation, leading "the" or legal form', () => {
  expect(matchName('The Marston (Holdings) Ltd.')).toBe(matchName('MARSTON HOLDINGS LIMITED'));
  expect(matchName('Société Générale plc')).toBe('societe generale');
  expect(matchName('Limited')).toBe('limited');
  expect(matchName('Marstons holdings plc')).not.toBe(matchName('Marston Holdings Limited'));
});

test('portals standing in as buyers are recognised', () => {
  expect(portalName('EU SUPPLY LIMITED')).toBe('eu supply');
  expect(portalName('Delta eSourcing')).toBe('delta esourcing');
  expect(portalName('London Borough of Merton')).toBeNull();
});

test('broken encoding is repaired run by run, and correct text is left alone', () => {
  expect(repairMojibake('framework.â€¯ The initial')).toEqual({ text: 'framework.\u202f The initial', repaired: true });
  expect(repairMojibake('CafÃ© and â€œquotesâ€\u009d')).toEqual({ text: 'Café and “quotes”', repaired: true });
  expect(repairMojibake('Café – naïve')).toEqual({ text: 'Café – naïve', repaired: false });
  expect(repairMojibake('Ã plain')).toEqual({ text: 'Ã plain', repaired: false });
});
