import type { Citation, Claim, Contract, Offshoring } from '../entities';
import type { Loaders } from '.';
import { OffshoringStatus, SubjectType } from '../schema/enums';

/** Every citation behind a contract: its own, and those of its figures, offshoring, claims and events. */
export async function citationsBehindContract(loaders: Loaders, contract: Contract): Promise<Citation[]> {
  const [quantities, offshorings, claims, events] = await Promise.all([
    loaders.quantitiesOfContract.load(contract.id),
    loaders.offshoringsOfContract.load(contract.id),
    loaders.claimsOfContract.load(contract.id),
    loaders.eventsOfContract.load(contract.id),
  ]);
  const offshoringQuantities = (await loaders.quantitiesOfOffshoring.loadMany(offshorings.map((o) => o.id))).flatMap((q) =>
    q instanceof Error ? [] : q,
  );
  const keys = [
    { type: SubjectType.CONTRACT, id: contract.id },
    ...quantities.map((q) => ({ type: SubjectType.QUANTITY, id: q.id })),
    ...offshoringQuantities.map((q) => ({ type: SubjectType.QUANTITY, id: q.id })),
    ...offshorings.map((o) => ({ type: SubjectType.OFFSHORING, id: o.id })),
    ...claims.map((c) => ({ type: SubjectType.CLAIM, id: c.id })),
    ...events.map((e) => ({ type: SubjectType.EVENT, id: e.id })),
  ];
  const groups = await loaders.citationsOfSubject.loadMany(keys);
  const seen = new Set<number>();
  return groups
    .flatMap((g) => (g instanceof Error ? [] : g))
    .filter((c) => !seen.has(c.id) && seen.add(c.id))
    .sort((a, b) => a.id - b.id);
}

/** Claims on the same proposition with the opposite stance. */
export async function counterclaims(loaders: Loaders, claim: Claim): Promise<Claim[]> {
  const sides = await loaders.claimsOfProposition.load(claim.proposition);
  return sides.filter((other) => other.stance !== claim.stance);
}

/** Entries for the same contract and location that say the opposite (denied against planned/alleged/confirmed). */
export async function conflictingOffshorings(loaders: Loaders, entry: Offshoring): Promise<Offshoring[]> {
  const denied = entry.status === OffshoringStatus.DENIED;
  const siblings = await loaders.offshoringsOfContract.load(entry.contractId);
  return siblings.filter((o) => o.locationId === entry.locationId && (o.status === OffshoringStatus.DENIED) !== denied);
}

/** A contract is contested when any of its claims or offshoring entries is contradicted. */
export async function isContractContested(loaders: Loaders, contract: Contract): Promise<boolean> {
  const [claims, offshorings] = await Promise.all([
    loaders.claimsOfContract.load(contract.id),
    loaders.offshoringsOfContract.load(contract.id),
  ]);
  const contradicted = await Promise.all([
    ...claims.map(async (c) => (await counterclaims(loaders, c)).length > 0),
    ...offshorings.map(async (o) => (await conflictingOffshorings(loaders, o)).length > 0),
  ]);
  return contradicted.some(Boolean);
}
