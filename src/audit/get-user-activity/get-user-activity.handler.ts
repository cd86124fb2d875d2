import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserView } from '../../../projections/users/users.projection.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import type { LoginEvent } from '../../identity/auth/login.events.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { jalaliDate } from '../../shared/jalali.js';
import { auditAreasOf, grantInAreas, type AuditArea } from '../audit-scope.js';
import { AuditTrail } from '../audit-trail.js';
import { ActorNames } from '../audit-log/actor-names.js';
import { AuditLogReadModel, type AuditRow } from '../audit-log/audit-log.read-model.js';
import { auditPage } from '../audit-log/audit-page.js';
import { GetUserActivityQuery } from './get-user-activity.query.js';
import type { SignInDto, UserActivityDto } from './user-activity.response.dto.js';

const EVENTS = 50;
const FILES = 100;
const SIGN_INS = 20;
const SIGN_IN_TYPES: readonly LoginEvent['type'][] = [
  'LoginSucceeded',
  'LoginFailed',
  'LoginAttemptsThrottled',
];

@QueryHandler(GetUserActivityQuery)
export class GetUserActivityHandler implements IQueryHandler<GetUserActivityQuery> {
  constructor(
    private readonly log: AuditLogReadModel,
    private readonly users: UsersReadModel,
    private readonly names: ActorNames,
    private readonly trail: AuditTrail,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ caller, userId }: GetUserActivityQuery): Promise<UserActivityDto> {
    const areas = auditAreasOf(caller.signedIn);
    const user = this.users.get(userId);
    const perDay = user ? this.log.actorDays(userId, areas) : [];
    // A user is the caller's to see when staff of (part of) their areas, or active in them.
    const inScope =
      user !== undefined &&
      (perDay.length > 0 || user.grants.some((g) => grantInAreas(g, areas) !== 'outside'));
    this.trail.queried(caller, {
      query: 'user-activity',
      filters: { userId },
      results: inScope ? 1 : 0,
      areas,
    });
    if (!inScope) {
      throw new DomainError('AUDIT.USER_NOT_FOUND', `No user ${userId} in your areas`, 'not_found', {
        userId,
      });
    }
    const page = auditPage(this.log, this.names, { areas, filter: { actorId: userId } }, EVENTS, undefined);
    return {
      user: userOf(user),
      events: page.items,
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      perDay: perDay.map((d) => ({ ...d, dayJalali: jalaliDate(`${d.day}T12:00:00Z`) })),
      files: this.log.actorStreams(userId, areas, FILES),
      signIns: this.signInsShown(user, areas) ? await this.signIns(user.username) : [],
    };
  }

  /**
   * Sign-ins (ورود) belong to no place. Whole-city oversight sees those of anyone in scope; oversight of
   * some regions sees only those of staff held within its regions: a city-wide clerk's or a citizen's
   * sign-ins are the whole city's business, not one region's.
   */
  private signInsShown(user: UserView, areas: readonly AuditArea[]): boolean {
    if (user.grants.some((g) => grantInAreas(g, areas) === 'within')) return true;
    const whole = areas.filter((a) => a.regions === undefined);
    return this.log.actorDays(user.userId, whole).length > 0;
  }

  private async signIns(username: string): Promise<SignInDto[]> {
    const rows = this.log.ofSubject(`username:${username}`, SIGN_IN_TYPES, SIGN_INS);
    return Promise.all(rows.map((row) => this.signIn(row)));
  }

  /** The attempt's address and reason are in the event itself, not in the audit log. */
  private async signIn(row: AuditRow): Promise<SignInDto> {
    const [event] = await this.store.readStream(row.stream, {
      fromRevision: BigInt(row.revision),
      maxCount: 1,
    });
    const login = event as unknown as LoginEvent | undefined;
    const base = { time: row.recordedAt, success: row.type === 'LoginSucceeded' };
    switch (login?.type) {
      case 'LoginSucceeded':
        return { ...base, address: login.data.address };
      case 'LoginFailed':
        return { ...base, address: login.data.address, reason: login.data.reason };
      case 'LoginAttemptsThrottled': {
        const busiest = login.data.addresses[0]?.address;
        return {
          ...base,
          ...(busiest ? { address: busiest } : {}),
          reason: login.data.locked ? 'locked' : 'throttled',
          attempts: login.data.attempts,
        };
      }
      case undefined:
        return base;
      default: {
        const never: never = login;
        return never;
      }
    }
  }
}

function userOf(user: UserView): UserActivityDto['user'] {
  return {
    id: user.userId,
    username: user.username,
    name: user.displayName,
    roles: user.grants.map((g) => `${g.role}@${g.municipality ?? g.organisation ?? g.province ?? ''}`),
    disabled: user.disabled,
  };
}
