import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import { fold } from '../../event-store/command-handling/decider.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { MunicipalitiesReadModel } from '../../identity/municipalities/municipalities.read-model.js';
import { systemActor } from '../../identity/principal.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { EMAIL_SENDER, type EmailSender } from '../../shared/email/email.port.js';
import { newId } from '../../shared/ids.js';
import { periodically, type PeriodicTask } from '../../shared/periodically.js';
import { SMS_SENDER, type SmsSender } from '../../shared/sms/sms.port.js';
import { deliveryKey, smsReference } from '../message-ids.js';
import { NotificationCommands } from '../notification-commands.js';
import { addressOn } from '../notification-preferences.js';
import { URGENT_TOPICS } from '../notification-topics.js';
import { notificationDecider, type NotificationState } from '../notification.decider.js';
import { notificationStream, type NotificationEvent } from '../notification.events.js';
import { NotificationsReadModel } from '../notifications.read-model.js';
import { quietUntil } from '../quiet-hours.js';
import { renderMessage } from '../templates/render-message.js';

const TICK_MS = 1_000;
const BATCH = 50;
/** People sent to at once: each message waits on a provider's answer. */
const PARALLEL = 4;
/** Past a window's close before its message leaves: news decided just before the close is in by then. */
export const CLOSE_GRACE_MS = 2_000;

type Queued = Exclude<NotificationState, { status: 'none' }>;

/**
 * The outbox's sender: every second it takes the messages whose window has closed (or whose retry is
 * due), renders them and hands them to the SMS provider or the mail server, then records what came of
 * it. A message carries a key derived from its id (the email's Message-ID, the SMS `localid`), so one
 * sent again after a crash before it was recorded is the same message to the receiver.
 */
@Injectable()
export class NotificationSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timer: PeriodicTask | undefined;

  constructor(
    private readonly outbox: NotificationsReadModel,
    private readonly commands: NotificationCommands,
    private readonly users: UsersReadModel,
    private readonly municipalities: MunicipalitiesReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(EMAIL_SENDER) private readonly email: EmailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = periodically(
      TICK_MS,
      () => this.sendDue(new Date()),
      (error) => this.logger.error(`Sending notifications failed: ${String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.timer?.stop();
  }

  /**
   * Sends every message due at `now`; answers how many it tried. One person's messages leave one after
   * another, in the order they were queued, so the news of a file arrives in the order it happened.
   */
  async sendDue(now: Date): Promise<number> {
    const at = now.toISOString();
    const cutoff = new Date(now.getTime() - CLOSE_GRACE_MS).toISOString();
    const quiet = quietUntil(at, this.config.notifications.quietHours) !== undefined;
    const due = this.outbox.due(cutoff, BATCH, quiet);
    const perPerson = new Map<string, string[]>();
    for (const m of due) {
      const person = `${m.channel}:${m.userId ?? m.messageId}`;
      perPerson.set(person, [...(perPerson.get(person) ?? []), m.messageId]);
    }
    const queues = [...perPerson.values()];
    for (let i = 0; i < queues.length; i += PARALLEL) {
      await Promise.all(
        queues.slice(i, i + PARALLEL).map(async (messageIds) => {
          for (const messageId of messageIds) await this.sendOne(messageId, at, cutoff);
        }),
      );
    }
    return due.length;
  }

  /** `cutoff`: a message whose window closed or whose retry fell due after it waits (the read model may lag). */
  private async sendOne(messageId: string, now: string, cutoff: string): Promise<void> {
    const events = await this.store.readStream(notificationStream(messageId));
    const state = fold(notificationDecider, events as unknown as NotificationEvent[]);
    if (state.status !== 'queued' || (state.retryAt ?? state.sendAfter) > cutoff) return;
    const urgent = state.items.some((item) => URGENT_TOPICS.has(item.topic));
    if (state.channel === 'sms' && !urgent && quietUntil(now, this.config.notifications.quietHours)) return;
    const context = this.context(now, events.at(-1)?.id ?? messageId);
    const address = this.addressOf(state);
    if (!address) {
      await this.commands.run(
        messageId,
        {
          type: 'SkipNotification',
          data: {
            messageId,
            channel: state.channel,
            recipient: state.recipient,
            reason: 'no_address',
            topics: state.items.map((item) => item.topic),
            cause: state.items[0]!.cause,
          },
        },
        context,
      );
      return;
    }
    try {
      await this.deliver(state, address);
    } catch (error) {
      const permanent = error instanceof DomainError && error.kind === 'invalid';
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Message ${messageId} (${state.channel}) was not sent: ${reason}`);
      await this.commands.run(
        messageId,
        { type: 'RecordFailure', data: { reason, permanent, now } },
        context,
      );
      return;
    }
    try {
      await this.commands.run(
        messageId,
        { type: 'RecordSent', data: { items: state.items.length } },
        context,
      );
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'NOTIFICATION.CHANGED')) throw error;
      this.logger.log(`Message ${messageId} gained news while it was sent; it goes again under a new key`);
    }
  }

  /** The address the person has on the message's channel now (they may have changed it since). */
  private addressOf(state: Queued): string | undefined {
    const user = state.recipient.userId === undefined ? undefined : this.users.get(state.recipient.userId);
    return user && !user.disabled ? addressOn(user, state.channel) : undefined;
  }

  private async deliver(state: Queued, address: string): Promise<void> {
    const municipality = this.municipalities.get(state.municipality);
    const municipalityName =
      (state.language === 'fa' ? municipality?.nameFa : municipality?.name) ?? state.municipality;
    const { subject, text } = renderMessage(state.channel, state.language, state.items, { municipalityName });
    const key = deliveryKey(state.messageId, state.items.length);
    if (state.channel === 'sms') {
      await this.sms.send({ to: address, text, reference: smsReference(key) });
    } else {
      await this.email.send({ to: address, subject, text, language: state.language, key });
    }
  }

  private context(now: string, causationId: string): CommandContext {
    return { actor: systemActor('notifications'), correlationId: newId(), causationId, now };
  }
}
