import type { Contract } from '../entities';
import type { Loaders } from '.';
import type { ContractLink } from './contract-pages';
import type { Connection } from '../schema/connection-type';
import type { ForwardPageArgs } from '../schema/page-args';
import { CONTRACTS_OF, decodeCursor } from '../services/cursor';

/** A page of the contracts linked to one party; the cursor is checked here so a bad one fails only its own field. */
export function contractsOf(loaders: Loaders, via: ContractLink, parentId: number, page: ForwardPageArgs): Promise<Connection<Contract>> {
  if (page.after) decodeCursor(page.after, CONTRACTS_OF, 2, 'after');
  return loaders.contractPages.load({ via, parentId, first: page.first, after: page.after });
}
