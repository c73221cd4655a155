import { IsEnum, IsString, Length, Matches } from 'class-validator';
import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { createApiKey, KEY_NAME, KEY_NAME_RULE, listApiKeys, revokeApiKey } from '../../auth/api-keys';
import { RequireRole } from '../../auth/require-role';
import type { Context } from '../../context';
import { ApiKey } from '../../entities/api-key';
import { Role } from '../../schema/enums';
import { badUserInput } from '../../errors';
import { runMutation } from '../../services/writes/mutate';

@InputType({ description: 'A new API key.' })
class CreateApiKeyInput {
  @Field({ description: `A unique name: ${KEY_NAME_RULE}` })
  @IsString()
  @Matches(KEY_NAME, { message: KEY_NAME_RULE })
  name!: string;

  @Field(() => Role, { description: 'What it may do.' })
  @IsEnum(Role)
  role!: Role;
}

@InputType({ description: 'The key to revoke.' })
class RevokeApiKeyInput {
  @Field({ description: 'Its name.' })
  @IsString()
  @Length(1, 100)
  name!: string;
}

@ObjectType({ description: 'A key just made: the only time its secret is shown.' })
class CreatedApiKey {
  @Field({ description: 'The key to send as `Authorization: Bearer <key>`. It cannot be shown again.' })
  key!: string;

  @Field(() => ApiKey, { description: "The key's record." })
  apiKey!: ApiKey;
}

const keyInfo = (k: ApiKey) => ({ name: k.name, role: k.role, createdAt: k.createdAt, revokedAt: k.revokedAt });

/** Key management for admins, alongside the `npm run apikey` CLI; every change is in the audit log. */
@Resolver()
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: 'Every API key, live and revoked (never their secrets). Needs an admin key.' })
  @RequireRole(Role.ADMIN, 'apiKeys')
  apiKeys(@Ctx() { dataSource }: Context) {
    return listApiKeys(dataSource);
  }

  @Mutation(() => CreatedApiKey, { description: 'Makes an API key and shows it once. Needs an admin key.' })
  @RequireRole(Role.ADMIN, 'createApiKey')
  createApiKey(@Arg('input', { description: 'Name and role.' }) input: CreateApiKeyInput, @Ctx() ctx: Context) {
    return runMutation(ctx, 'createApiKey', async (tx) => {
      const made = await createApiKey(tx, input.name, input.role).catch((error: Error) => {
        throw badUserInput(error.message.split(':')[0], error.message.replace(/^\w+: /, ''));
      });
      return {
        entityType: 'ApiKey',
        entityId: made.record.id,
        before: null,
        after: keyInfo(made.record),
        result: { key: made.key, apiKey: made.record },
      };
    });
  }

  @Mutation(() => ApiKey, { description: 'Revokes an API key at once. Needs an admin key.' })
  @RequireRole(Role.ADMIN, 'revokeApiKey')
  revokeApiKey(@Arg('input', { description: 'Which key.' }) input: RevokeApiKeyInput, @Ctx() ctx: Context) {
    return runMutation(ctx, 'revokeApiKey', async (tx) => {
      const before = await tx.getRepository(ApiKey).findOneBy({ name: input.name });
      if (!before || !(await revokeApiKey(tx, input.name))) throw badUserInput('name', `no live key is named "${input.name}".`);
      const after = await tx.getRepository(ApiKey).findOneByOrFail({ name: input.name });
      return { entityType: 'ApiKey', entityId: after.id, before: keyInfo(before), after: keyInfo(after), result: after };
    });
  }
}
