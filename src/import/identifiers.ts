import { foldText } from '../services/fold-text';

export interface PartyKey {
  scheme: string;
  identifier: string;
}

/** Spreadsheet damage ("11111111.0") and Companies House numbers without their leading zeros. */
function normaliseId(scheme: string, id: string): string {
  let value = id.trim().replace(/\.0+$/, '');
  if (scheme === 'GB-COH' && /^\d{1,7}$/.test(value)) value = value.padStart(8, '0');
  return value;
}

/**
 * The party's identity across releases and publishers: its identifier's scheme and id when both are
 * given, else what its `id` encodes when that has the org-id form ("GB-CFS-18525"), else none.
 */
export function partyKey(party: { id?: unknown; identifier?: { scheme?: unknown; id?: unknown } }): PartyKey | null {
  const scheme = typeof party.identifier?.scheme === 'string' ? party.identifier.scheme.trim().toUpperCase() : '';
  const id = party.identifier?.id;
  if (scheme && (typeof id === 'string' || typeof id === 'number') && String(id).trim()) {
    return { scheme, identifier: normaliseId(scheme, String(id)) };
  }
  const orgId = /^([A-Za-z]{2}-[A-Za-z0-9]+)-(.+)$/.exec(String(party.id ?? ''));
  if (orgId) {
    const derived = orgId[1].toUpperCase();
    return { scheme: derived, identifier: normaliseId(derived, orgId[2]) };
  }
  return null;
}

const LEGAL_FORMS = new Set(['ltd', 'limited', 'plc', 'llp', 'lp', 'inc', 'incorporated', 'co', 'company', 'cic', 'cio']);

/** A name for matching: folded (case, accents, punctuation) and without a legal form at the end or "the" in front. */
export function matchName(name: string): string {
  const words = foldText(name).split(' ').filter(Boolean);
  if (words[0] === 'the') words.shift();
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

const PORTALS =
  /\b(eu ?supply|delta e ?sourcing|in ?tend|pro ?contract|due ?north|bravo ?solution|jaggaer|proactis|mytenders|atamis|adam hte)\b/i;

/** A buyer named like an e-tendering portal: the publisher may have put the portal where the buyer belongs. */
export function portalName(name: string): string | null {
  return PORTALS.exec(foldText(name))?.[0] ?? null;
}
