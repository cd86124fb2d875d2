import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { NotificationPreferences, UserEvent } from '../../src/identity/users/user.events.js';
import { USER_EVENT_TYPES } from '../../src/identity/users/user.events.js';
import { sameGrant, type Grant } from '../../src/identity/roles.js';
import type { Projection } from '../projection.js';

/** A user as login, authorization and the admin screens need it. */
export interface UserView {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly nationalId: string | null;
  readonly mobile: string | null;
  readonly grants: readonly Grant[];
  readonly disabled: boolean;
  readonly origin: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Tokens issued before it are no longer accepted. */
  readonly passwordChangedAt: string | null;
  /** Null until the person chooses: then SMS to the mobile, in Persian. */
  readonly notifications: NotificationPreferences | null;
}

export const usersProjection: Projection<UserView, UserEvent> = {
  name: 'users',
  version: 3,
  handles: USER_EVENT_TYPES,
  indexes: ['username', 'nationalId'],
  documentId: (event) => event.data.userId,
  evolve: (doc, event: RecordedEvent<UserEvent>) => {
    const at = event.metadata.recordedAt;
    const e = event;
    if (e.type === 'UserCreated') {
      const d = e.data;
      return {
        userId: d.userId,
        username: d.username,
        displayName: d.displayName,
        passwordHash: d.passwordHash,
        nationalId: d.nationalId ?? null,
        mobile: d.mobile ?? null,
        grants: d.grants,
        disabled: false,
        origin: d.origin,
        createdAt: at,
        passwordChangedAt: null,
        notifications: null,
        updatedAt: at,
      };
    }
    if (!doc) return null;
    switch (e.type) {
      case 'RoleGranted':
        return { ...doc, grants: [...doc.grants, e.data.grant], updatedAt: at };
      case 'RoleRevoked':
        return { ...doc, grants: doc.grants.filter((g) => !sameGrant(g, e.data.grant)), updatedAt: at };
      case 'PasswordChanged':
        return { ...doc, passwordHash: e.data.passwordHash, passwordChangedAt: at, updatedAt: at };
      case 'PasswordRehashed':
        return { ...doc, passwordHash: e.data.passwordHash, updatedAt: at };
      case 'UserDisabled':
        return { ...doc, disabled: true, updatedAt: at };
      case 'NotificationPreferencesSet':
        return { ...doc, notifications: e.data.preferences, updatedAt: at };
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
  },
};
