import { fromGlobalId } from 'graphql-relay';
import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { RequireRole } from '../../auth/require-role';
import type { Context } from '../../context';
import { Contract, PartyMatch } from '../../entities';
import { Role } from '../../schema/enums';
import { badUserInput } from '../../errors';
import { importOcds } from '../../import/importer';
import { clearLoaders } from '../../loaders';
import { undoPartyMatch } from '../../import/undo-match';
import { ImportOcdsInput, ImportResult, UndoPartyMatchInput } from '../../schema/ocds-types';
import { admitted, runMutation } from '../../services/writes/mutate';
import { present } from '../helpers';

@ObjectType({ description: 'What undoing a match did.' })
class UndoPartyMatchResult {
  @Field(() => PartyMatch, { description: 'The match, now undone.' })
  undone!: PartyMatch;

  @Field(() => PartyMatch, { description: 'The match to the record made for the party instead.' })
  replacement!: PartyMatch;

  @Field(() => [Contract], { description: 'The contracts whose link moved to that record.' })
  contracts!: Contract[];
}

/** Imports for admins: small OCDS packages through the API (big files: `npm run import`), and undoing matches. */
@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, {
    description:
      'Imports a small OCDS release package, record package or release, exactly as `npm run import` does, with the same report. Needs an admin key.',
  })
  @RequireRole(Role.ADMIN, 'importOcds')
  async importOcds(
    @Arg('input', { description: 'The data, and whether to be strict.' }) input: ImportOcdsInput,
    @Ctx() ctx: Context,
  ): Promise<ImportResult> {
    const { keyName } = admitted(ctx, 'importOcds');
    const report = await importOcds(ctx.dataSource, [{ file: 'importOcds', chunks: [Buffer.from(JSON.stringify(input.data))] }], {
      keyName,
      strict: input.strict,
    });
    clearLoaders(ctx.loaders);
    return {
      ...report.counts,
      problems: report.problems,
      problemCount: report.problemCount,
      warnings: report.warnings,
      warningCount: report.warningCount,
      matches: report.matches,
      matchCount: report.matchCount,
    };
  }

  @Mutation(() => UndoPartyMatchResult, {
    description:
      'Undoes a wrong name or alias match: the party gets a record of its own, the contracts that named it move to that record, and the alias it lent is taken back. Needs an admin key.',
  })
  @RequireRole(Role.ADMIN, 'undoPartyMatch')
  undoPartyMatch(@Arg('input', { description: 'Which match.' }) input: UndoPartyMatchInput, @Ctx() ctx: Context) {
    const { type, id } = fromGlobalId(input.id);
    if (type !== 'PartyMatch' || !/^\d+$/.test(id)) throw badUserInput('id', 'is not the ID of a PartyMatch.');
    return runMutation(ctx, 'undoPartyMatch', async (tx) => {
      const done = await undoPartyMatch(tx, Number(id));
      const contracts = present(await Promise.all(done.contractIds.map((c) => tx.findOne(Contract, { where: { id: c } }))));
      return {
        entityType: 'PartyMatch',
        entityId: done.undone.id,
        before: { undoneAt: null },
        after: { undoneAt: done.undone.undoneAt, replacement: done.replacement.id },
        result: { undone: done.undone, replacement: done.replacement, contracts },
      };
    });
  }
}
