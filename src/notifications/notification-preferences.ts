import type { UserView } from '../../projections/users/users.projection.js';
import type { NotificationPreferences } from '../identity/users/user.events.js';
import type { Channel } from './notification-topics.js';

type Reachable = Pick<UserView, 'mobile' | 'notifications'>;

/** What a person chose, or the defaults: SMS to the registered mobile (when there is one), in Persian. */
export function effectivePreferences(user: Reachable): NotificationPreferences {
  return user.notifications ?? { channels: user.mobile ? ['sms'] : [], language: 'fa' };
}

/** Where the person is reached on `channel` now: undefined when they did not choose it or have no address. */
export function addressOn(user: Reachable, channel: Channel): string | undefined {
  const preferences = effectivePreferences(user);
  if (!preferences.channels.includes(channel)) return undefined;
  return (channel === 'sms' ? user.mobile : preferences.email) ?? undefined;
}
