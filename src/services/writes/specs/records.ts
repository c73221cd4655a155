import { fromGlobalId } from 'graphql-relay';
import {
  Citation,
  Claim,
  Contract,
  ContractBuyer,
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
  Source,
  Supplier,
  Union,
} from '../../../entities';
import { badUserInput } from '../../../errors';
import { Basis, Measure, Period, SubjectType, Unit } from '../../../schema/enums';
import type { ContractSupplierInput, ContractUnionInput } from '../../../schema/inputs/records';
import { TYPE_NAME_TO_SUBJECT } from '../../../schema/subject-types';
import { Patch, replaceLinks, resolveRefs } from '../columns';
import type { RecordSpec } from '../records';
import { checkVerbatim } from '../citations';
import { resolveRef } from '../references';

const titleOf = (values: Record<string, unknown>, current?: { title: string }) => String(values.title ?? current?.title ?? '');

export const sourceSpec: RecordSpec<Source> = {
  entity: Source,
  subjectType: SubjectType.SOURCE,
  slugSource: titleOf,
  async columns(tx, values) {
    return new Patch(tx, values).copy('title', 'kind', 'fileName', 'publisher', 'summary', 'url', 'text').date('date').columns;
  },
};

export const contractSpec: RecordSpec<Contract> = {
  entity: Contract,
  subjectType: SubjectType.CONTRACT,
  slugSource: titleOf,
  async columns(tx, values, current) {
    if (values.ocid != null) {
      const holder = await tx.findOne(Contract, { where: { ocid: String(values.ocid) }, withDeleted: true });
      if (holder && holder.id !== current?.id)
        throw badUserInput('ocid', `"${String(values.ocid)}" is already the ocid of contract "${holder.slug}".`);
    }
    return new Patch(tx, values).copy('title', 'status', 'description', 'ocid', 'outsourcing').date('startDate').date('endDate').columns;
  },
  async afterSave(tx, row, values, created) {
    // Each list given replaces the one the contract had (a new one had none); a list left out stays as it was.
    const contractId = row.id;
    if (values.buyers != null) {
      const ids = await resolveRefs(tx, 'buyers', values.buyers as string[], PublicBody);
      await replaceLinks(
        tx,
        ContractBuyer,
        { contractId },
        ids.map((publicBodyId) => ({ contractId, publicBodyId })),
        created,
      );
    }
    if (values.suppliers != null) {
      const links = values.suppliers as ContractSupplierInput[];
      const ids = await resolveRefs(
        tx,
        'suppliers',
        links.map((l) => l.supplier),
        Supplier,
      );
      await replaceLinks(
        tx,
        ContractSupplier,
        { contractId },
        ids.map((supplierId, i) => ({ contractId, supplierId, role: links[i].role })),
        created,
      );
    }
    if (values.unions != null) {
      const links = values.unions as ContractUnionInput[];
      const ids = await resolveRefs(
        tx,
        'unions',
        links.map((l) => l.union),
        Union,
      );
      await replaceLinks(
        tx,
        ContractUnion,
        { contractId },
        ids.map((unionId, i) => ({ contractId, unionId, role: links[i].role })),
        created,
      );
    }
    if (values.services != null) {
      const services = [...new Set(values.services as ContractService['service'][])];
      await replaceLinks(
        tx,
        ContractService,
        { contractId },
        services.map((service) => ({ contractId, service })),
        created,
      );
    }
  },
};

export const offshoringSpec: RecordSpec<Offshoring> = {
  entity: Offshoring,
  subjectType: SubjectType.OFFSHORING,
  slugSource: (values, current) => `${values.status ?? current?.status ?? 'offshoring'}`.toLowerCase(),
  async columns(tx, values) {
    const patch = new Patch(tx, values).copy('status', 'description');
    await patch.ref('contract', Contract);
    return (await patch.ref('location', OffshoreLocation, 'locationId')).columns;
  },
};

export const quantitySpec: RecordSpec<Quantity> = {
  entity: Quantity,
  subjectType: SubjectType.QUANTITY,
  async columns(tx, values, current) {
    const patch = new Patch(tx, values).copy('measure', 'low', 'high', 'unit', 'basis', 'wording', 'priceYear', 'timeframe', 'note');
    if (patch.has('period') || !current) patch.columns.period = values.period ?? Period.TOTAL;
    for (const [field, entity] of [
      ['contract', Contract],
      ['offshoring', Offshoring],
      ['publicBody', PublicBody],
      ['union', Union],
    ] as const) {
      await patch.ref(field, entity);
    }
    return patch.columns;
  },
  check(q) {
    if (q.high != null && q.high < q.low) throw badUserInput('high', `must be at least low (${q.low}).`);
    if (q.basis === Basis.AT_LEAST && q.high != null) throw badUserInput('high', 'must be null for AT_LEAST: the figure is open-ended.');
    if ((q.basis === Basis.EXACT || q.basis === Basis.APPROXIMATE) && q.high !== q.low) {
      throw badUserInput('high', `must equal low for ${q.basis} (one number).`);
    }
    if (q.basis === Basis.AT_MOST && q.low !== 0) throw badUserInput('low', 'must be 0 for AT_MOST ("up to …").');
    if (q.high == null && q.basis !== Basis.AT_LEAST) throw badUserInput('high', `is needed for ${q.basis}: only AT_LEAST is open-ended.`);
    if (q.unit === Unit.PERCENT && (q.high ?? q.low) > 100) throw badUserInput('high', 'a percentage cannot pass 100.');
    if (q.priceYear != null && q.unit !== Unit.GBP) throw badUserInput('priceYear', 'applies to money (GBP) only.');
    const owners = [q.contractId, q.offshoringId, q.publicBodyId, q.unionId].filter((o) => o != null).length;
    const share = q.measure === Measure.MEMBERS_SHARE_OF_STAFF;
    if (share && q.unit !== Unit.PERCENT) throw badUserInput('unit', 'must be PERCENT for MEMBERS_SHARE_OF_STAFF.');
    if (share ? q.unionId == null || q.publicBodyId == null || owners !== 2 : owners !== 1) {
      throw badUserInput(
        'contract',
        share
          ? 'a MEMBERS_SHARE_OF_STAFF figure names exactly a union and a publicBody.'
          : 'a figure belongs to exactly one of contract, offshoring, publicBody or union.',
      );
    }
  },
};

export const claimSpec: RecordSpec<Claim> = {
  entity: Claim,
  subjectType: SubjectType.CLAIM,
  slugSource: (values, current) => String(values.statement ?? current?.statement ?? '').slice(0, 80),
  async columns(tx, values) {
    const patch = new Patch(tx, values).copy('statement', 'stance', 'proposition', 'claimantDescription').date('date');
    await patch.ref('person', Person);
    await patch.ref('union', Union);
    await patch.ref('publicBody', PublicBody);
    await patch.ref('supplier', Supplier);
    await patch.ref('contract', Contract);
    return (await patch.ref('offshoring', Offshoring)).columns;
  },
  async check(c, tx) {
    if ([c.personId, c.unionId, c.publicBodyId, c.supplierId, c.claimantDescription].every((x) => x == null)) {
      throw badUserInput('person', 'say who makes the claim: a person, union, publicBody, supplier or claimantDescription.');
    }
    if (c.offshoringId != null) {
      const entry = await tx.getRepository(Offshoring).findOneByOrFail({ id: c.offshoringId });
      if (c.contractId != null && entry.contractId !== c.contractId) throw badUserInput('offshoring', 'belongs to another contract.');
    }
  },
};

export const eventSpec: RecordSpec<Event> = {
  entity: Event,
  subjectType: SubjectType.EVENT,
  slugSource: titleOf,
  async columns(tx, values) {
    const patch = new Patch(tx, values).copy('kind', 'title', 'description').date('date');
    await patch.ref('contract', Contract);
    return (await patch.ref('publicBody', PublicBody)).columns;
  },
  async afterSave(tx, row, values, created) {
    if (values.unions == null) return;
    const ids = await resolveRefs(tx, 'unions', values.unions as string[], Union);
    await replaceLinks(
      tx,
      EventUnion,
      { eventId: row.id },
      ids.map((unionId) => ({ eventId: row.id, unionId })),
      created,
    );
  },
};

const SUBJECT_ENTITIES: Record<string, new () => { id: number }> = {
  Source,
  PublicBody,
  Supplier,
  Union,
  OffshoreLocation,
  Person,
  PersonRole,
  Contract,
  Offshoring,
  Quantity,
  Claim,
  Event,
};

export const citationSpec: RecordSpec<Citation> = {
  entity: Citation,
  subjectType: 'CITATION',
  async columns(tx, values) {
    const patch = new Patch(tx, values).copy('quote', 'note');
    await patch.ref('source', Source);
    if (patch.has('subject')) {
      const { type } = fromGlobalId(String(values.subject));
      const entity = SUBJECT_ENTITIES[type];
      if (!entity) throw badUserInput('subject', `"${values.subject}" is not the ID of a record that can be cited.`);
      patch.columns.subjectId = await resolveRef(tx, 'subject', String(values.subject), entity, type);
      patch.columns.subjectType = TYPE_NAME_TO_SUBJECT[type];
    }
    return patch.columns;
  },
  check: (c, tx) => checkVerbatim(tx, c.sourceId, c.quote, 'quote'),
};
