import { Inject, Injectable } from '@nestjs/common';
import type { UserView } from '../../../projections/users/users.projection.js';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { maskEmail, maskMobile, maskNationalId } from '../../shared/masking.js';
import { ownMessageId, quietHoursMessage, windowedMessage } from '../message-ids.js';
import { NotificationCommands } from '../notification-commands.js';
import { addressOn, effectivePreferences } from '../notification-preferences.js';
import { URGENT_TOPICS, type Channel, type NotificationItem } from '../notification-topics.js';
import { quietUntil, type QuietHours } from '../quiet-hours.js';
import type { SkipReason } from '../notification.events.js';
import type { Addressee, Notice } from './notices.js';

/**
 * Turns a notice into messages: finds the person's account and the channels they chose, and queues
 * the news into each channel's open message (or records why nobody could be told).
 */
@Injectable()
export class Notifier {
  private readonly windowMs: number;
  private readonly quietHours: QuietHours | null;

  constructor(
    private readonly users: UsersReadModel,
    private readonly commands: NotificationCommands,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.windowMs = config.notifications.windowSeconds * 1000;
    this.quietHours = config.notifications.quietHours;
  }

  /** `alone`: the notice is a message of its own (a digest), never joined to other news. */
  async notify(
    notice: Notice,
    context: CommandContext,
    options: { readonly alone?: true } = {},
  ): Promise<void> {
    const user = this.accountOf(notice.to);
    if (!user) return this.skip(notice, 'sms', 'no_account', context);
    const preferences = effectivePreferences(user);
    for (const channel of preferences.channels) {
      const address = addressOn(user, channel);
      if (!address) {
        await this.skip(notice, channel, 'no_address', context, user);
        continue;
      }
      await this.queue(notice, channel, user, address, preferences.language, context, options.alone === true);
    }
  }

  private accountOf(to: Addressee): UserView | undefined {
    const user = 'userId' in to ? this.users.get(to.userId) : this.users.byNationalId(to.nationalId);
    return user && !user.disabled ? user : undefined;
  }

  private async queue(
    notice: Notice,
    channel: Channel,
    user: UserView,
    address: string,
    language: 'fa' | 'en',
    context: CommandContext,
    alone: boolean,
  ): Promise<void> {
    const { item, municipality } = notice;
    const window = this.windowOf(user.userId, channel, item, alone);
    const message = {
      channel,
      recipient: {
        userId: user.userId,
        masked: channel === 'sms' ? maskMobile(address) : maskEmail(address),
      },
      language,
      municipality,
      item,
      now: context.now,
    };
    try {
      await this.commands.run(
        window.messageId,
        { type: 'QueueNotification', data: { ...message, ...window } },
        context,
      );
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'NOTIFICATION.WINDOW_CLOSED')) throw error;
      // Late news (a reaction catching up) travels alone, as soon as it can.
      const messageId = ownMessageId(user.userId, channel, item.cause);
      await this.commands.run(
        messageId,
        { type: 'QueueNotification', data: { ...message, messageId, sendAfter: context.now } },
        context,
      );
    }
  }

  /**
   * The message a piece of news joins: its own (a digest), the night's while quiet hours hold a
   * non-urgent SMS, else the person's window of DAFTAR_NOTIFY_WINDOW_SECONDS.
   */
  private windowOf(userId: string, channel: Channel, item: NotificationItem, alone: boolean) {
    const cause = { id: item.cause, at: item.at };
    if (alone) return windowedMessage(userId, channel, cause, 0);
    const held = channel === 'sms' && !URGENT_TOPICS.has(item.topic);
    const quietEnd = held ? quietUntil(item.at, this.quietHours) : undefined;
    return quietEnd
      ? quietHoursMessage(userId, quietEnd)
      : windowedMessage(userId, channel, cause, this.windowMs);
  }

  private async skip(
    notice: Notice,
    channel: Channel,
    reason: SkipReason,
    context: CommandContext,
    user?: UserView,
  ): Promise<void> {
    const key =
      user?.userId ?? ('userId' in notice.to ? notice.to.userId : `national:${notice.to.nationalId}`);
    const messageId = ownMessageId(key, channel, notice.item.cause);
    const masked = 'nationalId' in notice.to ? maskNationalId(notice.to.nationalId) : '***';
    await this.commands.run(
      messageId,
      {
        type: 'SkipNotification',
        data: {
          messageId,
          channel,
          recipient: { ...(user ? { userId: user.userId } : {}), masked },
          reason,
          topics: [notice.item.topic],
          cause: notice.item.cause,
        },
      },
      context,
    );
  }
}
