import { Injectable } from '@nestjs/common';
import {
  ruleSetsProjection,
  type RuleSetDocument,
} from '../../projections/rule-sets/rule-sets.projection.js';
import { Documents } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';
import { DomainError } from '../shared/domain-error.js';
import { todayInTehran } from '../shared/tehran-date.js';

export type { RuleSetDocument };

/** What the version list shows of each published rule set. */
export interface RuleSetVersionSummary {
  readonly version: number;
  readonly effectiveFrom: string;
  readonly publishedAt: string;
}

const MAX_VERSIONS = 10_000;

/**
 * Published rule sets by municipality and version. The rule set in force is read on every public
 * parcel lookup and fee estimate; the read-model cache keeps it parsed until a new version lands.
 */
@Injectable()
export class RuleSetsReadModel extends Documents<RuleSetDocument> {
  constructor(database: ReadModelDatabase) {
    super(database, ruleSetsProjection.name);
  }

  /**
   * The rule set in force on `onDate` (`YYYY-MM-DD`, a Tehran calendar day; see `todayInTehran`): the
   * highest version whose `effectiveFrom` is not after it, or undefined when none is.
   */
  inForce(municipality: string, onDate: string): RuleSetDocument | undefined {
    const versions = this.all(municipality);
    for (let i = versions.length - 1; i >= 0; i -= 1) {
      if (versions[i]!.effectiveFrom <= onDate) return versions[i];
    }
    return undefined;
  }

  /** The rule set in force at an instant (UTC ISO-8601), by Tehran's calendar; RULESET.NOT_IN_FORCE when none is. */
  requireInForce(municipality: string, at: string): RuleSetDocument {
    const ruleSet = this.inForce(municipality, todayInTehran(new Date(at)));
    if (!ruleSet) {
      throw new DomainError(
        'RULESET.NOT_IN_FORCE',
        `${municipality} has no rule set in force yet`,
        'conflict',
      );
    }
    return ruleSet;
  }

  /** One version, in force or not: calculations record the version they used. */
  version(municipality: string, version: number): RuleSetDocument | undefined {
    const versions = this.all(municipality);
    // Versions are published 1, 2, 3, … without gaps.
    const candidate = versions[version - 1];
    return candidate?.version === version ? candidate : versions.find((v) => v.version === version);
  }

  /** Every published version of the municipality, oldest first. */
  versions(municipality: string): RuleSetVersionSummary[] {
    return this.all(municipality).map(({ version, effectiveFrom, publishedAt }) => ({
      version,
      effectiveFrom,
      publishedAt,
    }));
  }

  /** The municipality's documents by ascending version, from the read-model cache. */
  private all(municipality: string): readonly RuleSetDocument[] {
    return this.list({ where: { municipality }, orderBy: 'version', limit: MAX_VERSIONS, offset: 0 }).items;
  }
}
