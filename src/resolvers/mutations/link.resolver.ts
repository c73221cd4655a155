import { IsEnum, IsOptional, IsString } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { RequireRole } from '../../auth/require-role';
import type { Context } from '../../context';
import { DEFAULT_SUPPLIER_ROLE, DEFAULT_UNION_ROLE, Role, SupplierRole, UnionRole } from '../../schema/enums';
import { Contract } from '../../entities';
import { changeLink, type LinkKind } from '../../services/writes/links';
import { runMutation } from '../../services/writes/mutate';

@InputType({ description: 'A contract and one of its buyers.' })
class ContractBuyerLinkInput {
  @Field(() => ID, { description: 'The Contract.' })
  @IsString()
  contract!: string;

  @Field(() => ID, { description: 'The PublicBody buying.' })
  @IsString()
  publicBody!: string;
}

@InputType({ description: 'A contract and one of its suppliers.' })
class ContractSupplierLinkInput {
  @Field(() => ID, { description: 'The Contract.' })
  @IsString()
  contract!: string;

  @Field(() => ID, { description: 'The Supplier.' })
  @IsString()
  supplier!: string;

  @Field(() => SupplierRole, { nullable: true, description: `Its part (default ${DEFAULT_SUPPLIER_ROLE}; on link only).` })
  @IsOptional()
  @IsEnum(SupplierRole)
  role?: SupplierRole | null;
}

@InputType({ description: 'A contract and one of the unions involved.' })
class ContractUnionLinkInput {
  @Field(() => ID, { description: 'The Contract.' })
  @IsString()
  contract!: string;

  @Field(() => ID, { description: 'The Union.' })
  @IsString()
  union!: string;

  @Field(() => UnionRole, { nullable: true, description: `Its part (default ${DEFAULT_UNION_ROLE}; on link only).` })
  @IsOptional()
  @IsEnum(UnionRole)
  role?: UnionRole | null;
}

const DEFAULT_ROLE: Record<LinkKind, string | null> = { buyer: null, supplier: DEFAULT_SUPPLIER_ROLE, union: DEFAULT_UNION_ROLE };

function link(
  ctx: Context,
  operation: string,
  kind: LinkKind,
  input: { contract: string; party: string; role?: string | null },
  on: boolean,
) {
  const role = on ? (input.role ?? DEFAULT_ROLE[kind]) : null;
  return runMutation(ctx, operation, (tx) => changeLink(tx, kind, { ...input, role }, on));
}

/** Links and unlinks between a contract and its buyers, suppliers and unions (locations: see createOffshoring). */
@Resolver()
export class LinkResolver {
  @Mutation(() => Contract, { description: 'Adds a buyer to a contract. Needs an editor key.' })
  @RequireRole(Role.EDITOR, 'linkContractBuyer')
  linkContractBuyer(@Arg('input', { description: 'Contract and body.' }) input: ContractBuyerLinkInput, @Ctx() ctx: Context) {
    return link(ctx, 'linkContractBuyer', 'buyer', { contract: input.contract, party: input.publicBody }, true);
  }

  @Mutation(() => Contract, { description: 'Removes a buyer from a contract. Needs an editor key.' })
  @RequireRole(Role.EDITOR, 'unlinkContractBuyer')
  unlinkContractBuyer(@Arg('input', { description: 'Contract and body.' }) input: ContractBuyerLinkInput, @Ctx() ctx: Context) {
    return link(ctx, 'unlinkContractBuyer', 'buyer', { contract: input.contract, party: input.publicBody }, false);
  }

  @Mutation(() => Contract, { description: 'Adds a supplier to a contract, or changes its role. Needs an editor key.' })
  @RequireRole(Role.EDITOR, 'linkContractSupplier')
  linkContractSupplier(
    @Arg('input', { description: 'Contract, supplier and role.' }) input: ContractSupplierLinkInput,
    @Ctx() ctx: Context,
  ) {
    return link(ctx, 'linkContractSupplier', 'supplier', { contract: input.contract, party: input.supplier, role: input.role }, true);
  }

  @Mutation(() => Contract, { description: 'Removes a supplier from a contract. Needs an editor key.' })
  @RequireRole(Role.EDITOR, 'unlinkContractSupplier')
  unlinkContractSupplier(@Arg('input', { description: 'Contract and supplier.' }) input: ContractSupplierLinkInput, @Ctx() ctx: Context) {
    return link(ctx, 'unlinkContractSupplier', 'supplier', { contract: input.contract, party: input.supplier }, false);
  }

  @Mutation(() => Contract, { description: 'Adds a union to a contract, or changes its role. Needs an editor key.' })
  @RequireRole(Role.EDITOR, 'linkContractUnion')
  linkContractUnion(@Arg('input', { description: 'Contract, union and role.' }) input: ContractUnionLinkInput, @Ctx() ctx: Context) {
    return link(ctx, 'linkContractUnion', 'union', { contract: input.contract, party: input.union, role: input.role }, true);
  }

  @Mutation(() => Contract, { description: 'Removes a union from a contract. Needs an editor key.' })
  @RequireRole(Role.EDITOR, 'unlinkContractUnion')
  unlinkContractUnion(@Arg('input', { description: 'Contract and union.' }) input: ContractUnionLinkInput, @Ctx() ctx: Context) {
    return link(ctx, 'unlinkContractUnion', 'union', { contract: input.contract, party: input.union }, false);
  }
}
