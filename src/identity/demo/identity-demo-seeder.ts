import { Injectable, Logger } from '@nestjs/common';
import { municipalitiesProjection } from '../../../projections/municipalities/municipalities.projection.js';
import { organisationsProjection } from '../../../projections/organisations/organisations.projection.js';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { DomainError } from '../../shared/domain-error.js';
import { municipalityDecider } from '../municipalities/municipality.decider.js';
import { municipalityStream } from '../municipalities/municipality.events.js';
import { organisationDecider } from '../organisations/organisation.decider.js';
import { organisationStream } from '../organisations/organisation.events.js';
import { PasswordVault } from '../password-vault.js';
import { UserAccounts } from '../users/user-accounts.service.js';
import { DEMO_PASSWORD, demoMunicipality, demoOrganisations, demoUsers } from './demo-data.js';
import { provinceDemoMunicipalities, provinceDemoUsers } from './province-demo-data.js';

/** What already exists is left alone, so seeding twice changes nothing. */
const ALREADY_THERE = new Set([
  'MUNICIPALITY.ALREADY_EXISTS',
  'ORGANISATION.ALREADY_EXISTS',
  'USER.USERNAME_TAKEN',
]);

/**
 * Demo data for a first start outside production: the municipality of Hamedan, one organisation of
 * each kind, and one user per role (username = role, password `daftar-demo`); the two cities of Qazvin
 * province with their staff and oversight. Written as commands by a named system actor, like any other
 * change.
 */
@Injectable()
export class IdentityDemoSeeder {
  private readonly logger = new Logger('IdentityDemoSeeder');

  constructor(
    private readonly commands: CommandRunner,
    private readonly accounts: UserAccounts,
    private readonly vault: PasswordVault,
  ) {}

  async seed(context: CommandContext): Promise<{ created: number; skipped: number }> {
    const outcomes: boolean[] = [];
    // Every city before any user: a provincial grant is checked against the cities of its province.
    for (const municipality of [demoMunicipality, ...provinceDemoMunicipalities]) {
      outcomes.push(
        await this.tolerate(() =>
          this.commands.run(
            municipalityStream(municipality.code),
            municipalityDecider,
            { type: 'RegisterMunicipality', data: { ...municipality, regions: [...municipality.regions] } },
            context,
            { awaiting: [municipalitiesProjection.name] },
          ),
        ),
      );
    }
    for (const organisation of demoOrganisations) {
      outcomes.push(
        await this.tolerate(() =>
          this.commands.run(
            organisationStream(organisation.id),
            organisationDecider,
            { type: 'RegisterOrganisation', data: organisation },
            context,
            { awaiting: [organisationsProjection.name] },
          ),
        ),
      );
    }
    // They share a password, so one scrypt hash serves them all: one each would slow every demo start.
    let hash: Promise<string> | undefined;
    const demoPassword = () => (hash ??= this.vault.protectPassword(DEMO_PASSWORD));
    outcomes.push(
      ...(await Promise.all(
        [...demoUsers, ...provinceDemoUsers].map((user) =>
          this.tolerate(() =>
            this.accounts.createProtected({ ...user, origin: 'demo' }, demoPassword, context),
          ),
        ),
      )),
    );
    const created = outcomes.filter(Boolean).length;
    this.logger.log(
      `Demo municipalities, organisations and users: ${created} created, ${outcomes.length - created} already there`,
    );
    return { created, skipped: outcomes.length - created };
  }

  private async tolerate(step: () => Promise<unknown>): Promise<boolean> {
    try {
      await step();
      return true;
    } catch (error) {
      if (error instanceof DomainError && ALREADY_THERE.has(error.code)) return false;
      throw error;
    }
  }
}
