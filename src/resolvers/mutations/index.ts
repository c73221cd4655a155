import {
  Citation,
  Claim,
  Contract,
  Event,
  OffshoreLocation,
  Offshoring,
  Person,
  PersonRole,
  PublicBody,
  Quantity,
  Source,
  Supplier,
  Union,
} from '../../entities';
import {
  OffshoreLocationInputs,
  PersonInputs,
  PersonRoleInputs,
  PublicBodyInputs,
  SupplierInputs,
  UnionInputs,
} from '../../schema/inputs/parties';
import {
  CitationInputs,
  ClaimInputs,
  ContractInputs,
  EventInputs,
  OffshoringInputs,
  QuantityInputs,
  SourceInputs,
} from '../../schema/inputs/records';
import {
  offshoreLocationSpec,
  personRoleSpec,
  personSpec,
  publicBodySpec,
  supplierSpec,
  unionSpec,
} from '../../services/writes/specs/parties';
import {
  citationSpec,
  claimSpec,
  contractSpec,
  eventSpec,
  offshoringSpec,
  quantitySpec,
  sourceSpec,
} from '../../services/writes/specs/records';
import { ApiKeyResolver } from './api-key.resolver';
import { crudResolver } from './crud.resolver';
import { ImportResolver } from './import.resolver';
import { LinkResolver } from './link.resolver';

export const mutationResolvers = [
  crudResolver(Source, sourceSpec, SourceInputs, 'source document'),
  crudResolver(PublicBody, publicBodySpec, PublicBodyInputs, 'public body'),
  crudResolver(Supplier, supplierSpec, SupplierInputs, 'supplier'),
  crudResolver(Union, unionSpec, UnionInputs, 'trade union'),
  crudResolver(OffshoreLocation, offshoreLocationSpec, OffshoreLocationInputs, 'offshore location'),
  crudResolver(Person, personSpec, PersonInputs, 'person'),
  crudResolver(PersonRole, personRoleSpec, PersonRoleInputs, 'role of a person'),
  crudResolver(Contract, contractSpec, ContractInputs, 'contract'),
  crudResolver(Offshoring, offshoringSpec, OffshoringInputs, "offshoring entry (a contract's link to an offshore location)"),
  crudResolver(Quantity, quantitySpec, QuantityInputs, 'figure'),
  crudResolver(Claim, claimSpec, ClaimInputs, 'claim'),
  crudResolver(Event, eventSpec, EventInputs, 'event'),
  crudResolver(Citation, citationSpec, CitationInputs, 'citation'),
  LinkResolver,
  ApiKeyResolver,
  ImportResolver,
] as const;
