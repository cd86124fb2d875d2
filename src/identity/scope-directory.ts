import { Injectable } from '@nestjs/common';
import type { MunicipalityView } from '../../projections/municipalities/municipalities.projection.js';
import type { OrganisationView } from '../../projections/organisations/organisations.projection.js';
import { DomainError } from '../shared/domain-error.js';
import { MunicipalitiesReadModel } from './municipalities/municipalities.read-model.js';
import { municipalityNotFound } from './municipalities/municipality.decider.js';
import { organisationNotFound } from './organisations/organisation.decider.js';
import { ORGANISATION_KIND_OF_ROLE } from './organisations/organisation-roles.js';
import { OrganisationsReadModel } from './organisations/organisations.read-model.js';
import { grantProblem, type Grant } from './roles.js';

/** Iran's largest province has about 120 cities. */
const MAX_PROVINCE_CITIES = 1000;

/** The one place that checks scopes against the directory: municipalities, regions, organisations. */
@Injectable()
export class ScopeDirectory {
  constructor(
    private readonly municipalities: MunicipalitiesReadModel,
    private readonly organisations: OrganisationsReadModel,
  ) {}

  municipality(code: string): MunicipalityView {
    return this.municipalities.getOr(code, municipalityNotFound);
  }

  /** An organisation that may still be given people and keys. */
  activeOrganisation(id: string): OrganisationView {
    const organisation = this.organisations.getOr(id, organisationNotFound);
    if (!organisation.active) {
      throw new DomainError('ORGANISATION.DEACTIVATED', `The organisation ${id} is deactivated`, 'conflict', {
        id,
      });
    }
    return organisation;
  }

  /** Refuses a grant whose scope does not exist or does not fit its role. */
  checkGrant(grant: Grant): void {
    const refusal = this.grantRefusal(grant);
    if (refusal) throw refusal;
  }

  /** Why a grant's scope does not exist or does not fit its role, or undefined when it does. */
  grantRefusal(grant: Grant): DomainError | undefined {
    const problem = grantProblem(grant);
    if (problem) return new DomainError('USER.INVALID_GRANT', problem, 'invalid');
    try {
      this.checkScope(grant);
      return undefined;
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
  }

  /** The municipalities registered in a province, in code order. */
  municipalitiesOf(province: string): readonly MunicipalityView[] {
    return this.municipalities.list({ where: { province }, limit: MAX_PROVINCE_CITIES, offset: 0 }).items;
  }

  /**
   * A provincial grant as the grants it stands for, one per municipality of the province now, so that
   * every record rule treats it as staff of each; a city registered later is covered at once.
   */
  withProvincesExpanded(grants: readonly Grant[]): readonly Grant[] {
    if (!grants.some((g) => g.province !== undefined)) return grants;
    return grants.flatMap(({ province, ...grant }) =>
      province === undefined
        ? [grant]
        : this.municipalitiesOf(province).map((m) => ({ ...grant, municipality: m.code })),
    );
  }

  private checkScope(grant: Grant): void {
    if (grant.province !== undefined && this.municipalitiesOf(grant.province).length === 0) {
      throw new DomainError(
        'MUNICIPALITY.PROVINCE_NOT_FOUND',
        `No municipality is registered in the province ${grant.province}`,
        'not_found',
        { province: grant.province },
      );
    }
    if (grant.municipality) {
      const known = this.municipality(grant.municipality).regions.map((r) => r.code);
      const unknown = (grant.regions ?? []).filter((r) => !known.includes(r));
      if (unknown.length) {
        throw new DomainError(
          'MUNICIPALITY.REGION_NOT_FOUND',
          `The municipality ${grant.municipality} has no region ${unknown.join(', ')}`,
          'not_found',
          { regions: unknown },
        );
      }
    }
    if (grant.organisation) {
      const { kind } = this.activeOrganisation(grant.organisation);
      const needed = ORGANISATION_KIND_OF_ROLE[grant.role];
      if (kind !== needed) {
        throw new DomainError(
          'USER.ORGANISATION_KIND_MISMATCH',
          `The role ${grant.role} is held in a ${needed ?? 'no'} organisation, and ${grant.organisation} is a ${kind}`,
          'invalid',
        );
      }
    }
  }
}
