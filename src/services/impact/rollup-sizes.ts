import type { DataSource } from 'typeorm';
import type { ContractFilter } from '../../schema/filters';
import { dataVersion } from '../data-version';
import { live } from '../sql';
import { contractsOfNamedParties } from './named-parties';

/** How many of each thing a roll-up can group by: what pricing a roll-up before it runs needs. */
export interface RollUpSizes {
  contracts: number;
  publicBodies: number;
  suppliers: number;
  unions: number;
  offshoreLocations: number;
  /** Distinct start years. */
  years: number;
}

/**
 * Counts read once per data version (a few milliseconds of counting, even at a million contracts, against
 * roll-ups that take seconds), so the cost of a roll-up is known before any of its work starts.
 */
export class RollUpSizeCounter {
  private kept: { version: string; sizes: Promise<RollUpSizes> } | null = null;
  private counted: RollUpSizes | undefined;

  constructor(private readonly ds: DataSource) {}

  async sizes(): Promise<RollUpSizes> {
    const version = await dataVersion(this.ds);
    if (this.kept?.version !== version) {
      const sizes = this.count();
      this.kept = { version, sizes };
      sizes.then(
        (counted) => (this.counted = counted),
        () => (this.kept = null),
      );
    }
    return this.kept.sizes;
  }

  /** The most contracts a filter naming buyers or suppliers selects (null when it names neither). */
  contractsOfNamedParties(filter: ContractFilter | null | undefined): Promise<number | null> {
    return contractsOfNamedParties(this.ds, filter);
  }

  /** The sizes counted last, whatever the data version then (none before the first count): a guess, at no cost. */
  last(): RollUpSizes | undefined {
    return this.counted;
  }

  private async count(): Promise<RollUpSizes> {
    const [row] = await this.ds.query(`SELECT
      (SELECT COUNT(*) FROM ${live('contract')} c) AS contracts,
      (SELECT COUNT(*) FROM ${live('public_body')} b) AS public_bodies,
      (SELECT COUNT(*) FROM ${live('supplier')} s) AS suppliers,
      (SELECT COUNT(*) FROM ${live('trade_union')} u) AS unions,
      (SELECT COUNT(*) FROM ${live('offshore_location')} l) AS offshore_locations,
      (SELECT COUNT(DISTINCT start_date_year) FROM ${live('contract')} c) AS years`);
    return {
      contracts: Number(row.contracts),
      publicBodies: Number(row.public_bodies),
      suppliers: Number(row.suppliers),
      unions: Number(row.unions),
      offshoreLocations: Number(row.offshore_locations),
      years: Number(row.years),
    };
  }
}
