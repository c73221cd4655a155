import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The part of the OCDS 1.1 release schema the importer relies on, as JSON Schema: what must be there
 * and of what type. Everything else (extensions included) passes through unread, as OCDS intends.
 */
const value = {
  type: 'object',
  properties: { amount: { type: ['number', 'string'] }, currency: { type: 'string' } },
};
const period = {
  type: 'object',
  properties: { startDate: { type: 'string', format: 'date-time' }, endDate: { type: 'string', format: 'date-time' } },
};
const classification = {
  type: 'object',
  required: ['id'],
  properties: { scheme: { type: 'string' }, id: { type: ['string', 'number'] }, description: { type: 'string' } },
};
const partyRef = { type: 'object', required: ['id'], properties: { id: { type: ['string', 'number'] }, name: { type: 'string' } } };
const item = {
  type: 'object',
  properties: { classification, additionalClassifications: { type: 'array', items: classification } },
};
const award = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: ['string', 'number'] },
    title: { type: 'string' },
    description: { type: 'string' },
    status: { enum: ['pending', 'active', 'cancelled', 'unsuccessful'] },
    date: { type: 'string', format: 'date-time' },
    value,
    suppliers: { type: 'array', items: partyRef },
    items: { type: 'array', items: item },
    contractPeriod: period,
  },
};

const releaseSchema = {
  type: 'object',
  required: ['ocid', 'id', 'date', 'tag'],
  properties: {
    ocid: { type: 'string', minLength: 1 },
    id: { type: ['string', 'number'] },
    date: { type: 'string', format: 'date-time' },
    tag: { type: 'array', minItems: 1, items: { type: 'string' } },
    parties: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: ['string', 'number'] },
          name: { type: 'string' },
          roles: { type: 'array', items: { type: 'string' } },
          identifier: {
            type: 'object',
            properties: { scheme: { type: 'string' }, id: { type: ['string', 'number'] }, legalName: { type: 'string' } },
          },
          additionalIdentifiers: { type: 'array', items: { type: 'object' } },
        },
      },
    },
    buyer: partyRef,
    tender: {
      type: 'object',
      properties: {
        title: { type: 'string' },
        description: { type: 'string' },
        status: { type: 'string' },
        value,
        classification,
        additionalClassifications: { type: 'array', items: classification },
        items: { type: 'array', items: item },
        contractPeriod: period,
        tenderers: { type: 'array', items: partyRef },
      },
    },
    awards: { type: 'array', items: award },
    contracts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: ['string', 'number'] },
          awardID: { type: ['string', 'number'] },
          title: { type: 'string' },
          status: { enum: ['pending', 'active', 'cancelled', 'terminated'] },
          value,
          period,
          dateSigned: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const check = ajv.compile(releaseSchema);

export interface SchemaProblem {
  /** JSON Pointer into the release, e.g. /awards/0/value/amount. */
  pointer: string;
  message: string;
}

/** The release's schema problems, or none. */
export function schemaProblems(release: unknown): SchemaProblem[] {
  if (check(release)) return [];
  return (check.errors ?? []).map((e: ErrorObject) => ({
    pointer: e.instancePath || '/',
    message: e.keyword === 'required' ? `is missing "${String(e.params.missingProperty)}"` : (e.message ?? 'is invalid'),
  }));
}
