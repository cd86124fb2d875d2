import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '../../../event-store/command-handling/command-context.js';
import { handleCommand } from '../../../event-store/command-handling/handle-command.js';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.js';
import { DomainError } from '../../../shared/domain-error.js';
import type { ThrottleVerdict } from '../../login-throttle.js';
import { LoginThrottle } from '../../login-throttle.store.js';
import { verifyAgainstDummy, verifyPassword } from '../../password-hasher.js';
import { UsersReadModel } from '../../users/users.read-model.js';
import { loginDecider } from '../login.decider.js';
import type { LoginEvent } from '../login.events.js';
import { TokenSigner, type IssuedToken } from '../token-signer.js';

const SEEDED_LIMIT = 100_000;

export interface LoginRequest {
  readonly username: string;
  readonly password: string;
  readonly address: string;
}

/** Sign-in (ورود): password check, brute-force throttle, one event per attempt, then a token. */
@Injectable()
export class IssueTokenHandler {
  private readonly seeded = new Set<string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly users: UsersReadModel,
    private readonly throttle: LoginThrottle,
    private readonly tokens: TokenSigner,
  ) {}

  async handle(request: LoginRequest, context: CommandContext): Promise<IssuedToken> {
    const username = request.username.trim().toLowerCase();
    await this.restoreFailures(username);
    const verdict = this.throttle.check(username, request.address);
    if (!verdict.allowed) {
      await this.record(
        username,
        {
          type: 'LoginFailed',
          data: {
            username,
            address: request.address,
            reason: 'throttled',
            retryAfterMs: verdict.retryAfterMs,
          },
        },
        context,
      );
      throw throttled(verdict);
    }
    const user = this.users.byUsername(username);
    const valid = user
      ? await verifyPassword(request.password, user.passwordHash)
      : await verifyAgainstDummy(request.password);
    if (!user || !valid || user.disabled) {
      const reason = !user ? 'unknown_user' : !valid ? 'wrong_password' : 'disabled';
      this.throttle.recordFailure(username, request.address);
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
    this.throttle.recordSuccess(username);
    const actorContext = { ...context, actor: { id: user.userId, role: 'user' } };
    await this.record(
      username,
      { type: 'LoginSucceeded', data: { userId: user.userId, username, address: request.address } },
      actorContext,
    );
    return this.tokens.issue(user.userId, Date.parse(context.now));
  }

  private async record(username: string, event: LoginEvent, context: CommandContext): Promise<void> {
    await handleCommand(
      this.store,
      loginStream(username),
      loginDecider,
      { type: 'RecordLoginAttempt', data: event },
      context,
    );
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
  return `login-${createHash('sha256').update(username).digest('hex').slice(0, 32)}`;
}

/** The 429 a throttled password check answers, with the seconds to wait for Retry-After. */
export function throttled(verdict: Extract<ThrottleVerdict, { allowed: false }>): DomainError {
  return new DomainError(
    verdict.locked ? 'AUTH.LOCKED' : 'AUTH.SLOW_DOWN',
    verdict.locked
      ? 'Too many failed password checks: this account is locked for a while'
      : 'Too many failed password checks: wait before trying again',
    'rate_limited',
    { retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000) },
  );
}
