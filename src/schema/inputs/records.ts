import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsString, IsUrl, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import {
  Basis,
  ContractStatus,
  EventKind,
  Measure,
  OffshoringStatus,
  Period,
  Service,
  SourceKind,
  Stance,
  SupplierRole,
  UnionRole,
  Unit,
  DEFAULT_SUPPLIER_ROLE,
  DEFAULT_UNION_ROLE,
} from '../enums';
import { defineInputs, type InputField } from './define-inputs';
import { citations, date, enumField, ref, refs, slug, text } from './fields';

@InputType({ description: "A supplier's part in a contract." })
export class ContractSupplierInput {
  @Field(() => ID, { description: 'The Supplier.' })
  @IsString()
  supplier!: string;

  @Field(() => SupplierRole, { defaultValue: DEFAULT_SUPPLIER_ROLE, description: 'How it takes part.' })
  @IsEnum(SupplierRole)
  role: SupplierRole = DEFAULT_SUPPLIER_ROLE;
}

@InputType({ description: "A union's part in a contract." })
export class ContractUnionInput {
  @Field(() => ID, { description: 'The Union.' })
  @IsString()
  union!: string;

  @Field(() => UnionRole, { defaultValue: DEFAULT_UNION_ROLE, description: 'How it is involved.' })
  @IsEnum(UnionRole)
  role: UnionRole = DEFAULT_UNION_ROLE;
}

const nestedList = (name: string, type: InputField['type'], description: string): InputField => ({
  name,
  type,
  description,
  validators: [IsArray(), ArrayMaxSize(100), ValidateNested({ each: true })],
});

const amount = (name: string, description: string, required = false): InputField => ({
  name,
  type: () => Number,
  description,
  required,
  validators: [IsNumber({ allowNaN: false, allowInfinity: false }), Min(0)],
});

export const SourceInputs = defineInputs(
  'Source',
  [
    text('title', 'Headline, or a short description.', 500, true),
    enumField('kind', SourceKind, 'What kind of document.', true),
    slug,
    text('fileName', 'File name of the document as received.', 255),
    text('publisher', 'Who published it, when the document says.', 300),
    text('summary', 'What it covers, in your words.', 4000),
    {
      name: 'url',
      type: () => String,
      description: 'Where it can be found (http or https).',
      validators: [IsUrl({ protocols: ['http', 'https'], require_protocol: true })],
    },
    date('date', "The document's own date."),
    text('text', 'Full text, exactly as received; quotes from it are checked against it.', 1_000_000),
  ],
  'source document',
);

export const ContractInputs = defineInputs(
  'Contract',
  [
    text('title', 'A short title, in your words.', 500, true),
    enumField('status', ContractStatus, 'Where it stands.', true),
    slug,
    text('description', 'What the arrangement is, in your words.', 4000),
    {
      name: 'services',
      type: () => [Service],
      description: 'The services moved (replaces the list).',
      validators: [IsArray(), IsEnum(Service, { each: true })],
    },
    date('startDate', 'When the work moved or the arrangement began.'),
    date('endDate', 'When the arrangement ends or ended.'),
    text('ocid', 'Its Open Contracting ID: an OCDS import of that ocid then adds to this contract instead of creating another.', 200),
    {
      name: 'outsourcing',
      type: () => Boolean,
      description: 'Whether it is back-office outsourcing (default true).',
      validators: [IsBoolean()],
    },
    refs('buyers', 'The PublicBody buyers (replaces the list; see also linkContractBuyer).'),
    nestedList('suppliers', () => [ContractSupplierInput], 'The suppliers and their parts (replaces the list).'),
    nestedList('unions', () => [ContractUnionInput], 'The unions and their parts (replaces the list).'),
    citations(false),
  ],
  'contract',
);

export const OffshoringInputs = defineInputs(
  'Offshoring',
  [
    ref('contract', 'The Contract whose work it is about.', true),
    ref('location', 'The OffshoreLocation.', true),
    enumField('status', OffshoringStatus, 'What this entry says about the move.', true),
    slug,
    text('description', 'What is said to move, in your words.', 2000),
    citations(true),
  ],
  "offshoring entry (a contract's link to an offshore location, with what one party says about it)",
);

export const QuantityInputs = defineInputs(
  'Quantity',
  [
    enumField('measure', Measure, 'What it measures.', true),
    amount('low', 'Lower bound (0 or more; 0 for "up to …").', true),
    amount('high', 'Upper bound; null for an open-ended figure ("at least …").'),
    enumField('unit', Unit, 'Unit.', true),
    enumField('basis', Basis, 'How exact the source is.', true),
    text('wording', "The source's own words for the figure.", 500, true),
    enumField('period', Period, 'Total (default) or per year.'),
    {
      name: 'priceYear',
      type: () => Int,
      description: 'Price base year, only when the source states it.',
      validators: [IsInt(), Min(1900), Max(2999)],
    },
    text('timeframe', 'The time frame the source gives ("by 2008/09").', 200),
    text('note', 'How the wording was read.', 1000),
    ref('contract', 'The Contract it is about.'),
    ref('offshoring', 'The Offshoring entry it is about.'),
    ref('publicBody', 'The PublicBody it is about (with `union`: whose staff).'),
    ref('union', 'The Union it is about.'),
    citations(true),
  ],
  'figure',
);

export const ClaimInputs = defineInputs(
  'Claim',
  [
    text('statement', 'What the claimant says, in your words.', 2000, true),
    enumField('stance', Stance, 'Asserts or denies the proposition.', true),
    text('proposition', 'The question it answers; claims sharing it are the sides of one question.', 500, true),
    slug,
    ref('person', 'The Person who made it.'),
    ref('union', 'The Union it is made by or for.'),
    ref('publicBody', 'The PublicBody it is made by or for.'),
    ref('supplier', 'The Supplier it is made by or for.'),
    text('claimantDescription', 'Who, in words, when no named party fits ("a council spokesman").', 300),
    ref('contract', 'The Contract it is about.'),
    ref('offshoring', 'The Offshoring entry it backs.'),
    date('date', 'When it was made.'),
    citations(true),
  ],
  'claim',
);

export const EventInputs = defineInputs(
  'Event',
  [
    enumField('kind', EventKind, 'What kind of event.', true),
    text('title', 'A short title, in your words.', 500, true),
    slug,
    text('description', 'What happened, in your words.', 4000),
    date('date', 'When, as precisely as the sources say.'),
    ref('contract', 'The Contract it belongs to.'),
    ref('publicBody', 'The PublicBody involved.'),
    refs('unions', 'The Unions that took part (replaces the list).'),
    citations(true),
  ],
  'event',
);

export const CitationInputs = defineInputs(
  'Citation',
  [
    ref('subject', 'The record the quote backs (any Editable record but a citation).', true),
    ref('source', 'The Source quoted.', true),
    text('quote', "The words of the source, verbatim (checked when the source's text is held).", 2000, true),
    text('note', 'Why the quote supports the record.', 1000),
  ],
  'citation: a verbatim quote attached to a record',
);
