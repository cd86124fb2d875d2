import { Injectable } from '@nestjs/common';
import {
  ruleSetDocumentId,
  ruleSetsProjection,
  type RuleSetView,
} from '../../projections/rule-sets/rule-sets.projection.js';
import { Documents } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';
import { DomainError } from '../shared/domain-error.js';
import { todayInTehran } from '../shared/tehran-date.js';

export type { RuleSetView };

/** What the version list shows of each published rule set. */
export interface RuleSetVersionSummary {
  readonly version: number;
  readonly effectiveFrom: string;
  readonly publishedAt: string;
}

/** A municipality publishes a version or two a year; this bounds the unversioned list. */
const MAX_VERSIONS = 1_000;

/**
 * Published rule sets by municipality and version. The rule set in force is read on every public
 * parcel lookup and fee estimate; the read-model cache keeps it parsed until a new version lands.
 */
@Injectable()
export class RuleSetsReadModel extends Documents<RuleSetView> {
  constructor(database: ReadModelDatabase) {
    super(database, ruleSetsProjection.name);
  }

  /**
   * The rule set in force on `onDate` (`YYYY-MM-DD`, a Tehran calendar day; see `todayInTehran`): the
   * highest version whose `effectiveFrom` is not after it, or undefined when none is.
   */
  inForce(municipality: string, onDate: string): RuleSetView | undefined {
    return this.list({
      where: { municipality, effectiveFrom: { op: '<=', value: onDate } },
      orderBy: 'version',
      descending: true,
      limit: 1,
    }).items[0];
  }

  /** The rule set in force at an instant (UTC ISO-8601), by Tehran's calendar; RULESET.NOT_IN_FORCE when none is. */
  requireInForce(municipality: string, at: string): RuleSetView {
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
  version(municipality: string, version: number): RuleSetView | undefined {
    return this.get(ruleSetDocumentId(municipality, version));
  }

  /** Every published version of the municipality, oldest first, at most MAX_VERSIONS. */
  versions(municipality: string): RuleSetVersionSummary[] {
    const { items } = this.list({ where: { municipality }, orderBy: 'version', limit: MAX_VERSIONS });
    return items.map(({ version, effectiveFrom, publishedAt }) => ({ version, effectiveFrom, publishedAt }));
  }
}
