import { accessLogProjection } from './access-log/access-log.projection.js';
import { apiKeysProjection } from './api-keys/api-keys.projection.js';
import { consentsProjection } from './consents/consents.projection.js';
import { counterOfficeFilesProjection } from './counter-offices/counter-office-files.projection.js';
import { documentsProjection } from './documents/documents.projection.js';
import { inquiriesProjection } from './inquiries/inquiries.projection.js';
import { municipalitiesProjection } from './municipalities/municipalities.projection.js';
import { notificationsProjection } from './notifications/notifications.projection.js';
import { organisationsProjection } from './organisations/organisations.projection.js';
import { parcelsProjection } from './parcels/parcels.projection.js';
import { paymentsProjection } from './payments/payments.projection.js';
import { refundsProjection } from './refunds/refunds.projection.js';
import { permitTimelineProjection } from './permits/permit-timeline.projection.js';
import { permitsProjection } from './permits/permits.projection.js';
import { anyProjection, type AnyProjection } from './projection.js';
import { registrationsProjection } from './registrations/registrations.projection.js';
import { ruleSetsProjection } from './rule-sets/rule-sets.projection.js';
import { streamsProjection } from './streams/streams.projection.js';
import { usersProjection } from './users/users.projection.js';
import { webhooksProjection } from './webhooks/webhooks.projection.js';

/** Every read model Daftar keeps; the subscriber runner and `npm run projections:rebuild` use this list. */
export const allProjections: readonly AnyProjection[] = [
  anyProjection(streamsProjection),
  anyProjection(usersProjection),
  anyProjection(consentsProjection),
  anyProjection(registrationsProjection),
  anyProjection(parcelsProjection),
  anyProjection(apiKeysProjection),
  anyProjection(municipalitiesProjection),
  anyProjection(organisationsProjection),
  anyProjection(ruleSetsProjection),
  anyProjection(documentsProjection),
  anyProjection(permitsProjection),
  anyProjection(permitTimelineProjection),
  anyProjection(inquiriesProjection),
  anyProjection(paymentsProjection),
  anyProjection(refundsProjection),
  anyProjection(accessLogProjection),
  anyProjection(webhooksProjection),
  anyProjection(notificationsProjection),
  anyProjection(counterOfficeFilesProjection),
];
