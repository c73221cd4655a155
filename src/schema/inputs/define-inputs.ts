import { IsDefined, IsInt, IsOptional, Min, ValidateIf } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

export interface InputField {
  name: string;
  /** What `@Field` is given: the field's GraphQL type. */
  type: Parameters<typeof Field>[0];
  description: string;
  /** Needed to create; may be left out of an update, but never set to null. */
  required?: boolean;
  validators?: PropertyDecorator[];
}

export type FieldValues = Record<string, unknown>;

/**
 * `Create<Type>Input` and `Update<Type>Input` from one table of fields, so the two cannot drift: in the update
 * every field is optional (left out = unchanged, null = cleared), and `id` and `version` are added.
 */
export function defineInputs(typeName: string, fields: InputField[], what: string) {
  class Create {}
  class Update {}
  for (const f of fields) {
    Field(f.type, { nullable: !f.required, description: f.description })(Create.prototype, f.name);
    (f.required ? IsDefined() : IsOptional())(Create.prototype, f.name);
    Field(f.type, { nullable: true, description: `${f.description} Leave out to keep.` })(Update.prototype, f.name);
    // Required fields may be left out of an update but not cleared: null is validated (and refused).
    (f.required ? ValidateIf((o: FieldValues) => o[f.name] !== undefined) : IsOptional())(Update.prototype, f.name);
    for (const v of f.validators ?? []) {
      v(Create.prototype, f.name);
      v(Update.prototype, f.name);
    }
  }
  Field(() => ID, { description: `The ${typeName} to change.` })(Update.prototype, 'id');
  IsDefined()(Update.prototype, 'id');
  Field(() => Int, { description: `The ${typeName}'s \`version\` as last read; a newer version answers CONFLICT and changes nothing.` })(
    Update.prototype,
    'version',
  );
  IsInt()(Update.prototype, 'version');
  Min(1)(Update.prototype, 'version');
  InputType(`Create${typeName}Input`, { description: `A new ${what}.` })(Create);
  InputType(`Update${typeName}Input`, { description: `Changes to ${what}: only the fields given change.` })(Update);
  return { Create: Create as new () => FieldValues, Update: Update as new () => FieldValues & { id: string; version: number } };
}
