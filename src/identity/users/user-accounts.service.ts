import { Inject, Injectable } from '@nestjs/common';
import { usersProjection } from '../../../projections/users/users.projection.js';
import type { CommandContext, CommandOptions } from '../../event-store/command-handling/command-context.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { handleCommand } from '../../event-store/command-handling/handle-command.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { DomainError } from '../../shared/domain-error.js';
import { newId } from '../../shared/ids.js';
import { passwordProblem } from '../password-hasher.js';
import { PasswordVault } from '../password-vault.js';
import type { Grant } from '../roles.js';
import { ScopeDirectory } from '../scope-directory.js';
import { userDecider, type UserCommand } from './user.decider.js';
import { userStream, usernameStream, type UserEvent } from './user.events.js';
import { usernameClaimDecider } from './username-claim.decider.js';

export const USERNAME = /^[a-z0-9][a-z0-9_.-]{2,63}$/;

export interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly grants: readonly Grant[];
  readonly nationalId?: string;
  readonly mobile?: string;
  readonly origin: Extract<UserEvent, { type: 'UserCreated' }>['data']['origin'];
}

/** Creating and changing user accounts: the username claim, the user stream, and read-your-writes. */
@Injectable()
export class UserAccounts {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandRunner,
    private readonly scopes: ScopeDirectory,
    private readonly vault: PasswordVault,
  ) {}

  /**
   * Claims the username first (its own stream refuses a second claim), then writes the user stream.
   * If a crash fell between the two, the next attempt finds the claim with no user and completes it.
   */
  async create(account: NewAccount, context: CommandContext): Promise<{ userId: string }> {
    const problem = passwordProblem(account.password);
    if (problem) throw new DomainError('USER.WEAK_PASSWORD', problem, 'invalid');
    const { password, ...profile } = account;
    return this.createProtected(profile, () => this.vault.protectPassword(password), context);
  }

  /**
   * An account whose password was protected earlier (a confirmed registration); `userId` is the id to
   * give it, unless a claim left by a crash names another.
   */
  async createProtected(
    profile: Omit<NewAccount, 'password'> & { readonly userId?: string },
    passwordHash: () => Promise<string> | string,
    context: CommandContext,
  ): Promise<{ userId: string }> {
    if (!USERNAME.test(profile.username)) {
      throw new DomainError(
        'USER.INVALID_USERNAME',
        'A username is 3 to 64 of a-z, 0-9, _ . - and starts with a letter or digit',
        'invalid',
      );
    }
    for (const grant of profile.grants) this.scopes.checkGrant(grant);
    const stream = usernameStream(profile.username);
    const claimedBy = await this.claimedBy(stream);
    if (claimedBy && (await this.store.readStream(userStream(claimedBy), { maxCount: 1 })).length > 0) {
      throw new DomainError('USER.USERNAME_TAKEN', `The username ${profile.username} is taken`, 'conflict');
    }
    const { userId: preferred, ...details } = profile;
    const userId = claimedBy ?? preferred ?? newId();
    await handleCommand(
      this.store,
      stream,
      usernameClaimDecider,
      { type: 'ClaimUsername', data: { username: profile.username, userId } },
      context,
    );
    await this.change(
      userId,
      { type: 'CreateUser', data: { ...details, userId, passwordHash: await passwordHash() } },
      context,
    );
    return { userId };
  }

  async changePassword(userId: string, password: string, context: CommandContext): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new DomainError('USER.WEAK_PASSWORD', problem, 'invalid');
    await this.change(
      userId,
      { type: 'ChangePassword', data: { passwordHash: await this.vault.protectPassword(password) } },
      context,
    );
  }

  /** After a successful sign-in against `verifiedHash`: stores the password protected as today's. */
  async rehashPassword(
    userId: string,
    password: string,
    verifiedHash: string,
    context: CommandContext,
  ): Promise<void> {
    const passwordHash = await this.vault.protectPassword(password);
    await this.change(userId, { type: 'RehashPassword', data: { verifiedHash, passwordHash } }, context);
  }

  async grantRole(
    userId: string,
    grant: Grant,
    context: CommandContext,
    options: CommandOptions = {},
  ): Promise<void> {
    this.scopes.checkGrant(grant);
    await this.change(userId, { type: 'GrantRole', data: { grant } }, context, options);
  }

  /** Runs a command on a user stream and waits until the users read model shows it. */
  async change(
    userId: string,
    command: UserCommand,
    context: CommandContext,
    options: CommandOptions = {},
  ): Promise<void> {
    await this.commands.run(userStream(userId), userDecider, command, context, {
      ...options,
      awaiting: [usersProjection.name],
    });
  }

  private async claimedBy(stream: string): Promise<string | undefined> {
    const [claim] = await this.store.readStream(stream, { maxCount: 1 });
    return claim ? (claim.data as { userId: string }).userId : undefined;
  }
}
