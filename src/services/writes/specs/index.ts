import type { EditableNode } from '../../../entities/node';
import type { RecordSpec } from '../records';
import { offshoreLocationSpec, personRoleSpec, personSpec, publicBodySpec, supplierSpec, unionSpec } from './parties';
import { citationSpec, claimSpec, contractSpec, eventSpec, offshoringSpec, quantitySpec, sourceSpec } from './records';

/** Every record type's write rules, for whoever writes rows other than through the mutations (the seed). */
export const RECORD_SPECS: Array<RecordSpec<EditableNode>> = [
  sourceSpec,
  publicBodySpec,
  supplierSpec,
  unionSpec,
  offshoreLocationSpec,
  personSpec,
  personRoleSpec,
  contractSpec,
  offshoringSpec,
  quantitySpec,
  claimSpec,
  eventSpec,
  citationSpec,
] as unknown as Array<RecordSpec<EditableNode>>;
