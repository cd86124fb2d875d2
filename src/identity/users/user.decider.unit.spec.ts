import { given } from '../../../test/support/given.js';
import { userDecider } from './user.decider.js';
import type { UserEvent } from './user.events.js';

const userId = '01920000-0000-7000-8000-000000000001';
const clerk = { role: 'clerk', municipality: 'hamedan', regions: ['1'] } as const;
const profile = {
  userId,
  username: 'r.karimi',
  displayName: 'Reza Karimi',
  passwordHash: 'scrypt$…',
  grants: [clerk],
  origin: 'admin',
} as const;
const created: UserEvent = { type: 'UserCreated', data: profile };
const disabled: UserEvent = { type: 'UserDisabled', data: { userId, reason: 'left' } };

describe('user decider', () => {
  it('creates a user, once', () => {
    expect(given(userDecider).when({ type: 'CreateUser', data: profile })).toEqual([created]);
    expect(given(userDecider, created).when({ type: 'CreateUser', data: profile })).toMatchObject({
      code: 'USER.ALREADY_EXISTS',
    });
  });

  it('refuses a grant without the scope its role needs', () => {
    const data = { ...profile, grants: [{ role: 'notary' }] } as const;
    expect(given(userDecider).when({ type: 'CreateUser', data })).toMatchObject({
      code: 'USER.INVALID_GRANT',
      kind: 'invalid',
    });
  });

  it('grants a role; granting it again in the same scope changes nothing', () => {
    const grant = { role: 'surveyor', municipality: 'hamedan' } as const;
    const granted: UserEvent = { type: 'RoleGranted', data: { userId, grant } };
    expect(given(userDecider, created).when({ type: 'GrantRole', data: { grant } })).toEqual([granted]);
    expect(given(userDecider, created, granted).when({ type: 'GrantRole', data: { grant } })).toEqual([]);
  });

  it('refuses an integrator grant again with another feed scope: the old scope would silently stay', () => {
    const broad = { role: 'integrator', organisation: 'bank-melli', feed: { pii: ['parcel'] } } as const;
    const granted: UserEvent = { type: 'RoleGranted', data: { userId, grant: broad } };
    const narrow = { ...broad, feed: { categories: ['permit'] } };
    expect(
      given(userDecider, created, granted).when({ type: 'GrantRole', data: { grant: narrow } }),
    ).toMatchObject({
      code: 'USER.GRANT_SCOPE_DIFFERS',
      kind: 'conflict',
      message: expect.stringContaining('revoke'),
    });
    const { feed: _, ...unscoped } = broad;
    expect(
      given(userDecider, created, granted).when({ type: 'GrantRole', data: { grant: unscoped } }),
    ).toMatchObject({ code: 'USER.GRANT_SCOPE_DIFFERS' });
    const reordered = { ...broad, feed: { categories: ['permit', 'parcel'] } };
    const held: UserEvent = { type: 'RoleGranted', data: { userId, grant: reordered } };
    const same = { ...broad, feed: { categories: ['parcel', 'permit'] } };
    expect(given(userDecider, created, held).when({ type: 'GrantRole', data: { grant: same } })).toEqual([]);
  });

  it('revokes a role held in a scope, whatever its regions, and refuses one not held', () => {
    const grant = { role: 'clerk', municipality: 'hamedan' } as const;
    const revoke = { type: 'RevokeRole', data: { grant, reason: 'moved' } } as const;
    const revoked: UserEvent = { type: 'RoleRevoked', data: { userId, grant, reason: 'moved' } };
    expect(given(userDecider, created).when(revoke)).toEqual([revoked]);
    expect(given(userDecider, created, revoked).when(revoke)).toMatchObject({ code: 'USER.ROLE_NOT_HELD' });
  });

  it('disables an account once; a disabled account cannot change its password', () => {
    const disable = { type: 'DisableUser', data: { reason: 'left' } } as const;
    expect(given(userDecider, created).when(disable)).toEqual([disabled]);
    expect(given(userDecider, created, disabled).when(disable)).toEqual([]);
    expect(
      given(userDecider, created, disabled).when({ type: 'ChangePassword', data: { passwordHash: 'x' } }),
    ).toMatchObject({ code: 'USER.DISABLED' });
  });

  it('protects the verified password anew, unless it has changed since the check or the account is disabled', () => {
    const rehash = {
      type: 'RehashPassword',
      data: { verifiedHash: profile.passwordHash, passwordHash: 'enc:v1:new' },
    } as const;
    const changed: UserEvent = { type: 'PasswordChanged', data: { userId, passwordHash: 'enc:v1:other' } };
    expect(given(userDecider, created).when(rehash)).toEqual([
      { type: 'PasswordRehashed', data: { userId, passwordHash: 'enc:v1:new' } },
    ]);
    expect(given(userDecider, created, changed).when(rehash)).toEqual([]);
    expect(given(userDecider, created, disabled).when(rehash)).toEqual([]);
  });

  it('answers USER.NOT_FOUND for any change to an unknown user', () => {
    expect(given(userDecider).when({ type: 'DisableUser', data: { reason: 'x' } })).toMatchObject({
      code: 'USER.NOT_FOUND',
      kind: 'not_found',
    });
  });

  describe('SetNotificationPreferences', () => {
    const preferences = {
      channels: ['sms', 'email'],
      email: 'r.karimi@example.org',
      language: 'en',
    } as const;
    const set = { type: 'SetNotificationPreferences', data: { preferences } } as const;
    const chosen: UserEvent = { type: 'NotificationPreferencesSet', data: { userId, preferences } };

    it('records what the person chose; the same choice again changes nothing', () => {
      expect(given(userDecider, created).when(set)).toEqual([chosen]);
      expect(given(userDecider, created, chosen).when(set)).toEqual([]);
      const reordered = {
        ...set,
        data: { preferences: { ...preferences, channels: ['email', 'sms'] } },
      } as const;
      expect(given(userDecider, created, chosen).when(reordered)).toEqual([]);
    });

    it('records a change of language or address', () => {
      const farsi = { ...preferences, language: 'fa' } as const;
      expect(
        given(userDecider, created, chosen).when({
          type: 'SetNotificationPreferences',
          data: { preferences: farsi },
        }),
      ).toEqual([{ type: 'NotificationPreferencesSet', data: { userId, preferences: farsi } }]);
    });

    it('refuses email without an address', () => {
      const noAddress = { channels: ['email'], language: 'fa' } as const;
      expect(
        given(userDecider, created).when({
          type: 'SetNotificationPreferences',
          data: { preferences: noAddress },
        }),
      ).toMatchObject({ code: 'USER.EMAIL_REQUIRED', kind: 'invalid' });
    });

    it('refuses a disabled account, and one that does not exist', () => {
      expect(given(userDecider, created, disabled).when(set)).toMatchObject({ code: 'USER.DISABLED' });
      expect(given(userDecider).when(set)).toMatchObject({ code: 'USER.NOT_FOUND' });
    });
  });
});
