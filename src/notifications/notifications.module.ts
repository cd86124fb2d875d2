import { Module } from '@nestjs/common';
import { AuditReportsModule } from '../audit/reports/audit-reports.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { InquiriesModule } from '../inquiries/inquiries.module.js';
import { PermitsModule } from '../permits/permits.module.js';
import { OverdueDigest } from './overdue-digest/overdue-digest.js';
import { OrganisationsReadModel } from '../identity/organisations/organisations.read-model.js';
import { ParcelsModule } from '../parcels/parcels.module.js';
import { GetNotificationPreferencesHandler } from './get-notification-preferences/get-notification-preferences.handler.js';
import { NotificationCommands } from './notification-commands.js';
import { NotificationsReadModel } from './notifications.read-model.js';
import { FileFactsReader } from './notify/file-facts.js';
import { Notifier } from './notify/notifier.js';
import { NotifyReaction } from './notify/notify.reaction.js';
import { NotificationSender } from './send/notification-sender.js';
import { NotificationPreferencesHttpController } from './set-notification-preferences/set-notification-preferences.http.controller.js';
import { SetNotificationPreferencesHandler } from './set-notification-preferences/set-notification-preferences.handler.js';

/**
 * Notifications (اطلاع‌رسانی): the events that matter to a person become messages by SMS or email,
 * queued, sent and recorded as events, once each.
 */
@Module({
  imports: [IdentityModule, ParcelsModule, PermitsModule, InquiriesModule, AuditReportsModule],
  controllers: [NotificationPreferencesHttpController],
  providers: [
    OrganisationsReadModel,
    NotificationsReadModel,
    NotificationCommands,
    FileFactsReader,
    Notifier,
    NotifyReaction,
    NotificationSender,
    OverdueDigest,
    GetNotificationPreferencesHandler,
    SetNotificationPreferencesHandler,
  ],
})
export class NotificationsModule {}
