import type { Channel, Language } from '../../notifications/notification-topics.js';
import type { Grant } from '../roles.js';

/** How a person wants to hear of their files: on which channels, at which email address, in which language. */
export interface NotificationPreferences {
  readonly channels: readonly Channel[];
  readonly email?: string;
  readonly language: Language;
}

export type UserEvent =
  | {
      readonly type: 'UserCreated';
      readonly data: {
        readonly userId: string;
        readonly username: string;
        readonly displayName: string;
        /**
         * The scrypt hash sealed with the credentials key (`enc:v1:…`, see PasswordVault); a plain scrypt
         * hash in events written before that. Never the password.
         */
        readonly passwordHash: string;
        readonly nationalId?: string;
        readonly mobile?: string;
        readonly grants: readonly Grant[];
        /** How the account came to be. */
        readonly origin: 'registration' | 'admin' | 'demo' | 'bootstrap';
      };
    }
  | { readonly type: 'RoleGranted'; readonly data: { readonly userId: string; readonly grant: Grant } }
  | {
      readonly type: 'RoleRevoked';
      readonly data: { readonly userId: string; readonly grant: Grant; readonly reason: string };
    }
  | {
      readonly type: 'PasswordChanged';
      readonly data: { readonly userId: string; readonly passwordHash: string };
    }
  | {
      /** The same password protected anew (stronger scrypt, newer key): tokens issued before stay valid. */
      readonly type: 'PasswordRehashed';
      readonly data: { readonly userId: string; readonly passwordHash: string };
    }
  | { readonly type: 'UserDisabled'; readonly data: { readonly userId: string; readonly reason: string } }
  | {
      readonly type: 'NotificationPreferencesSet';
      readonly data: { readonly userId: string; readonly preferences: NotificationPreferences };
    };

/** A username (نام کاربری) is claimed once, in its own stream, before the user stream is written. */
export type UsernameEvent = {
  readonly type: 'UsernameClaimed';
  readonly data: { readonly username: string; readonly userId: string };
};

export const USER_EVENT_TYPES: readonly UserEvent['type'][] = [
  'UserCreated',
  'RoleGranted',
  'RoleRevoked',
  'PasswordChanged',
  'PasswordRehashed',
  'UserDisabled',
  'NotificationPreferencesSet',
];

export const userStream = (userId: string) => `user-${userId}`;
export const usernameStream = (username: string) => `username-${username}`;
