import { AuditEntry, Claim, Contract, Event, OffshoreLocation, PartyMatch, Person, PublicBody, Source, Supplier, Union } from '../entities';
import { ConnectionType } from './connection-type';

export const PublicBodyConnection = ConnectionType(PublicBody, 'PublicBody', 'public bodies');
export const SupplierConnection = ConnectionType(Supplier, 'Supplier', 'suppliers');
export const UnionConnection = ConnectionType(Union, 'Union', 'trade unions');
export const OffshoreLocationConnection = ConnectionType(OffshoreLocation, 'OffshoreLocation', 'offshore locations');
export const ContractConnection = ConnectionType(Contract, 'Contract', 'contracts');
export const SourceConnection = ConnectionType(Source, 'Source', 'sources');
export const ClaimConnection = ConnectionType(Claim, 'Claim', 'claims');
export const EventConnection = ConnectionType(Event, 'Event', 'events');
export const PersonConnection = ConnectionType(Person, 'Person', 'people');
export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry', 'audit log entries');
export const PartyMatchConnection = ConnectionType(PartyMatch, 'PartyMatch', 'party matches');
