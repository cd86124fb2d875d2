import type { CommandContext } from '../event-store/command-handling/command-context.js';
import type { Actor, RecordedEvent } from '../event-store/event-envelope.js';
import type { Grant, Role } from './roles.js';

/** Who is calling: a user (password or external identity) or an organisation's API key. */
export interface Principal {
  readonly kind: 'user' | 'api_key';
  /** `user-…` id, or the API key id. */
  readonly id: string;
  readonly displayName: string;
  readonly username?: string;
  /** Citizens: the national id (کد ملی) that makes them owners of parcels and files. */
  readonly nationalId?: string;
  readonly grants: readonly Grant[];
  /** API keys only: what the key may do (`inquiries:file`, …). */
  readonly permissions?: readonly string[];
  /** How the principal proved itself. */
  readonly authenticatedBy: 'password_token' | 'oidc' | 'api_key';
}

/** The grant a principal acts under on an endpoint that allows `roles`: the first it holds. */
export function actingGrant(principal: Principal, roles: readonly Role[]): Grant | undefined {
  return principal.grants.find((g) => roles.includes(g.role));
}

export function actorOf(
  principal: Principal,
  grant: Grant,
  behalf?: { readonly citizen: string; readonly consent?: string },
): Actor {
  return {
    id: principal.id,
    role: grant.role,
    ...(grant.municipality ? { municipality: grant.municipality } : {}),
    ...(grant.organisation ? { office: grant.organisation } : {}),
    ...(behalf ? { onBehalfOf: behalf.citizen } : {}),
    ...(behalf?.consent ? { consent: behalf.consent } : {}),
  };
}

/** The actor of reactions and start-up tasks: named, so the log says which part of Daftar acted. */
export function systemActor(name: string): Actor {
  return { id: `system:${name}`, role: 'system' };
}

export const ANONYMOUS_ACTOR: Actor = { id: 'anonymous', role: 'anonymous' };

/** A reaction's command: by the system part that reacts, in the same correlation, caused by the event. */
export function reactionContext(name: string, cause: RecordedEvent): CommandContext {
  return {
    actor: systemActor(name),
    correlationId: cause.metadata.correlationId,
    causationId: cause.id,
    now: new Date().toISOString(),
  };
}
