import { Arg, type ClassType, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequireRole } from '../../auth/require-role';
import type { Context } from '../../context';
import { Role } from '../../schema/enums';
import type { EditableNode } from '../../entities/node';
import { ArchiveInput } from '../../schema/inputs/common';
import type { FieldValues } from '../../schema/inputs/define-inputs';
import { runMutation } from '../../services/writes/mutate';
import { archiveRecord, createRecord, type RecordSpec, updateRecord } from '../../services/writes/records';

interface Inputs {
  Create: new () => FieldValues;
  Update: new () => FieldValues & { id: string; version: number };
}

/** `create<Type>`, `update<Type>` (editor) and `archive<Type>` (admin) for one entity type. */
export function crudResolver<E extends EditableNode>(type: ClassType<E>, spec: RecordSpec<E>, inputs: Inputs, what: string) {
  const name = type.name;

  @Resolver()
  class CrudResolver {
    @Mutation(() => type, { name: `create${name}`, description: `Adds a ${what}. Needs an editor key.` })
    @RequireRole(Role.EDITOR, `create${name}`)
    create(@Arg('input', () => inputs.Create, { description: `The new ${what}.` }) input: FieldValues, @Ctx() ctx: Context) {
      return runMutation(ctx, `create${name}`, (tx) => createRecord(tx, spec, input));
    }

    @Mutation(() => type, {
      name: `update${name}`,
      description: `Changes a ${what}; a stale \`version\` answers CONFLICT and changes nothing. Needs an editor key.`,
    })
    @RequireRole(Role.EDITOR, `update${name}`)
    update(
      @Arg('input', () => inputs.Update, { description: 'The changes, with the id and version they apply to.' })
      input: FieldValues & { id: string; version: number },
      @Ctx() ctx: Context,
    ) {
      return runMutation(ctx, `update${name}`, (tx) => updateRecord(tx, spec, input));
    }

    @Mutation(() => type, {
      name: `archive${name}`,
      description: `Archives a ${what}: it leaves lists, search and roll-ups but keeps its id and history. Needs an admin key.`,
    })
    @RequireRole(Role.ADMIN, `archive${name}`)
    archive(@Arg('input', () => ArchiveInput, { description: 'What to archive.' }) input: ArchiveInput, @Ctx() ctx: Context) {
      return runMutation(ctx, `archive${name}`, (tx) => archiveRecord(tx, spec, input));
    }
  }

  Object.defineProperty(CrudResolver, 'name', { value: `${name}CrudResolver` });
  return CrudResolver;
}
