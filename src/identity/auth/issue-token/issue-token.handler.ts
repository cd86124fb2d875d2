import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { CommandContext } from '../../../event-store/command-handling/command-context.js';
import { toNewEvent } from '../../../event-store/command-handling/handle-command.js';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.js';
import { DomainError } from '../../../shared/domain-error.js';
import { addressKey } from '../../../shared/http/client-address.js';
import { newId } from '../../../shared/ids.js';
import type { ThrottleVerdict } from '../../login-throttle.js';
import { LoginThrottle } from '../../login-throttle.store.js';
import { verifyAgainstDummy } from '../../password-hasher.js';
import { PasswordVault } from '../../password-vault.js';
import { systemActor } from '../../principal.js';
import { UserAccounts } from '../../users/user-accounts.service.js';
import { UsersReadModel } from '../../users/users.read-model.js';
import { loginDecider } from '../login.decider.js';
import type { LoginEvent } from '../login.events.js';
import { TokenSigner, type IssuedToken } from '../token-signer.js';
import { SUMMARY_WINDOW_MS, ThrottledAttempts, type DueSummary } from './throttled-attempts.js';
import { IssueTokenCommand } from './issue-token.command.js';

const SEEDED_LIMIT = 100_000;

type Refusal = Extract<ThrottleVerdict, { allowed: false }>;

/**
 * Sign-in (ورود): brute-force throttle, password check, one event per checked attempt and a summary
 * per window of refused ones, then a token. A password stored in an older form is protected anew.
 */
@CommandHandler(IssueTokenCommand)
export class IssueTokenHandler implements ICommandHandler<IssueTokenCommand>, OnModuleDestroy {
  private readonly logger = new Logger('IssueTokenHandler');
  private readonly seeded = new Set<string>();
  private readonly refused = new ThrottledAttempts();
  private readonly flushTimer = setInterval(() => void this.flushDue(Date.now()), SUMMARY_WINDOW_MS).unref();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly users: UsersReadModel,
    private readonly throttle: LoginThrottle,
    private readonly tokens: TokenSigner,
    private readonly vault: PasswordVault,
    private readonly accounts: UserAccounts,
  ) {}

  async execute({ input: request, context }: IssueTokenCommand): Promise<IssuedToken> {
    const username = request.username.trim().toLowerCase();
    const now = Date.parse(context.now);
    // The address alone is judged first: a locked address costs no read and no write per attempt.
    const byAddress = this.throttle.checkAddress(request.address);
    if (!byAddress.allowed) {
      return this.refuse(loginAddressStream(request.address), undefined, request.address, byAddress, now);
    }
    await this.restoreFailures(username);
    const begun = this.throttle.begin(username, request.address);
    if (!begun.allowed) return this.refuse(loginStream(username), username, request.address, begun, now);
    await this.write([this.refused.take(loginStream(username))]);

    const user = this.users.byUsername(username);
    let valid = false;
    try {
      valid = user
        ? await this.vault.checkPassword(request.password, user.passwordHash)
        : await verifyAgainstDummy(request.password);
    } finally {
      begun.attempt.settle(user && valid && !user.disabled ? 'succeeded' : 'failed');
    }
    if (!user || !valid || user.disabled) {
      const reason = !user ? 'unknown_user' : !valid ? 'wrong_password' : 'disabled';
      await this.record(
        username,
        { type: 'LoginFailed', data: { username, address: request.address, reason } },
        context,
      );
      throw new DomainError(
        'AUTH.INVALID_CREDENTIALS',
        'The username or password is wrong',
        'unauthenticated',
      );
    }
    const actorContext = { ...context, actor: { id: user.userId, role: 'user' } };
    await this.record(
      username,
      { type: 'LoginSucceeded', data: { userId: user.userId, username, address: request.address } },
      actorContext,
    );
    if (this.vault.needsUpgrade(user.passwordHash)) {
      await this.upgrade(user.userId, request.password, user.passwordHash, actorContext);
    }
    return this.tokens.issue(user.userId, now);
  }

  /** Writes what is still counted, so that no refused attempt goes unrecorded at shutdown. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.flushTimer);
    await this.flushDue(Infinity);
  }

  private async refuse(
    stream: string,
    username: string | undefined,
    address: string,
    verdict: Refusal,
    now: number,
  ): Promise<never> {
    const due = this.refused.count(stream, {
      ...(username === undefined ? {} : { username }),
      address: addressKey(address),
      at: now,
      locked: verdict.locked,
    });
    await this.write(due);
    throw throttled(verdict);
  }

  private async flushDue(now: number): Promise<void> {
    try {
      await this.write(this.refused.takeDue(now));
    } catch (error) {
      this.logger.error(`Could not write refused sign-in summaries: ${String(error)}`);
    }
  }

  private async write(summaries: readonly (DueSummary | undefined)[]): Promise<void> {
    for (const summary of summaries) {
      if (summary === undefined) continue;
      await this.append(summary.stream, summary.event, {
        actor: systemActor('login-throttle'),
        correlationId: newId(),
        causationId: newId(),
        now: new Date().toISOString(),
      });
    }
  }

  private async record(username: string, event: LoginEvent, context: CommandContext): Promise<void> {
    await this.append(loginStream(username), event, context);
  }

  private async append(stream: string, event: LoginEvent, context: CommandContext): Promise<void> {
    const events = loginDecider.decide({ type: 'RecordLoginAttempt', data: event }, null);
    if (events instanceof DomainError) throw events;
    await this.store.append(
      stream,
      events.map((e) => toNewEvent(e, newId(), context)),
      { expectedRevision: 'any' },
    );
  }

  /** A failed upgrade leaves the older form, which still works: the sign-in goes on. */
  private async upgrade(
    userId: string,
    password: string,
    verifiedHash: string,
    context: CommandContext,
  ): Promise<void> {
    try {
      await this.accounts.rehashPassword(userId, password, verifiedHash, context);
    } catch (error) {
      this.logger.warn(`Could not protect the password of ${userId} anew: ${String(error)}`);
    }
  }

  /** After a restart the throttle remembers nothing: the username's recent failures come back from its stream. */
  private async restoreFailures(username: string): Promise<void> {
    if (this.seeded.has(username)) return;
    if (this.seeded.size >= SEEDED_LIMIT) this.seeded.clear();
    this.seeded.add(username);
    const recent = await this.store.readStream(loginStream(username), {
      direction: 'backwards',
      maxCount: 20,
    });
    const failures = recent.filter(
      (e) => e.type === 'LoginFailed' && (e.data as { reason: string }).reason !== 'throttled',
    );
    this.throttle.seedUsernameFailures(
      username,
      failures.map((e) => Date.parse(e.metadata.recordedAt)),
    );
  }
}

/** Attempts for any typed name land in a valid stream, named by a digest rather than the raw input. */
export function loginStream(username: string): string {
  return `login-${digest(username)}`;
}

/** Where attempts refused for their client address alone are summarised. */
export function loginAddressStream(address: string): string {
  return `login-address-${digest(addressKey(address))}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The 429 a throttled password check answers, with the seconds to wait for Retry-After. */
export function throttled(verdict: Refusal): DomainError {
  return new DomainError(
    verdict.locked ? 'AUTH.LOCKED' : 'AUTH.SLOW_DOWN',
    verdict.locked
      ? 'Too many failed password checks: this account is locked for a while'
      : 'Too many failed password checks: wait before trying again',
    'rate_limited',
    { retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000) },
  );
}
