import { ApiKey } from './api-key';
import { AuditEntry } from './audit-entry';
import { Citation } from './citation';
import { Claim } from './claim';
import { Contract } from './contract';
import { ContractClassification } from './contract-classification';
import { ContractBuyer, ContractService, ContractSupplier, ContractUnion } from './contract-links';
import { Event, EventUnion } from './event';
import { OffshoreLocation } from './offshore-location';
import { OcdsRelease } from './ocds-release';
import { Offshoring } from './offshoring';
import { PartyMatch } from './party-match';
import { Person } from './person';
import { PersonRole } from './person-role';
import { PublicBody } from './public-body';
import { Quantity } from './quantity';
import { SearchEntry } from './search-entry';
import { Source } from './source';
import { Supplier } from './supplier';
import { Union } from './union';

export {
  ApiKey,
  AuditEntry,
  Citation,
  Claim,
  Contract,
  ContractBuyer,
  ContractClassification,
  OcdsRelease,
  PartyMatch,
  ContractService,
  ContractSupplier,
  ContractUnion,
  Event,
  EventUnion,
  OffshoreLocation,
  Offshoring,
  Person,
  PersonRole,
  PublicBody,
  Quantity,
  SearchEntry,
  Source,
  Supplier,
  Union,
};

export const entities = [
  Source,
  PublicBody,
  Supplier,
  Union,
  OffshoreLocation,
  Person,
  PersonRole,
  Contract,
  ContractBuyer,
  ContractSupplier,
  ContractUnion,
  ContractService,
  Offshoring,
  Quantity,
  Claim,
  Event,
  EventUnion,
  Citation,
  SearchEntry,
  ApiKey,
  AuditEntry,
  ContractClassification,
  OcdsRelease,
  PartyMatch,
];
