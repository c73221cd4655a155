import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Citation, Claim, Contract, OffshoreLocation, Offshoring, Quantity } from '../entities';
import { SubjectType } from '../schema/enums';
import { conflictingOffshorings } from '../loaders/provenance';

@Resolver(() => Offshoring)
export class OffshoringResolver {
  @FieldResolver(() => Contract, { description: 'The contract whose work this is about.' })
  contract(@Root() entry: Offshoring, @Ctx() { loaders }: Context) {
    return loaders.contract.load(entry.contractId);
  }

  @FieldResolver(() => OffshoreLocation, { description: 'Where the work is said to move.' })
  location(@Root() entry: Offshoring, @Ctx() { loaders }: Context) {
    return loaders.offshoreLocation.load(entry.locationId);
  }

  @FieldResolver(() => [Quantity], { description: 'Figures for this move (jobs offshored …), when the sources give them.' })
  figures(@Root() entry: Offshoring, @Ctx() { loaders }: Context) {
    return loaders.quantitiesOfOffshoring.load(entry.id);
  }

  @FieldResolver(() => [Claim], { description: 'Who says so: the claims backing this entry.' })
  claims(@Root() entry: Offshoring, @Ctx() { loaders }: Context) {
    return loaders.claimsOfOffshoring.load(entry.id);
  }

  @FieldResolver(() => [Offshoring], {
    description: 'Entries for the same contract and location that say the opposite (a denial against a plan or allegation).',
  })
  contradictedBy(@Root() entry: Offshoring, @Ctx() { loaders }: Context) {
    return conflictingOffshorings(loaders, entry);
  }

  @FieldResolver(() => Boolean, { description: 'True when another party says the opposite about this move.' })
  async contested(@Root() entry: Offshoring, @Ctx() { loaders }: Context) {
    return (await conflictingOffshorings(loaders, entry)).length > 0;
  }

  @FieldResolver(() => [Citation], { description: 'Quotes backing this entry.' })
  citations(@Root() entry: Offshoring, @Ctx() { loaders }: Context) {
    return loaders.citationsOfSubject.load({ type: SubjectType.OFFSHORING, id: entry.id });
  }
}
