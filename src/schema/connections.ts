import { Claim, Contract, Event, OffshoreLocation, Person, PublicBody, Source, Supplier, Union } from '../entities';
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
