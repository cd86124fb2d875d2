import type { DaftarEvent } from '../../../projections/daftar-events.js';
import { findingsView } from '../../inquiries/inquiry-answer-view.js';
import type { AudienceView, PolicyAudience } from './policy-audience.js';

type Answered = Extract<DaftarEvent, { type: 'InquiryAnswered' }>['data'];

/**
 * An answer (پاسخ استعلام) as its requester reads it in GET /inquiries/:id: a notary office or bank
 * without what the inspector found, a utility without the owner's affairs. Integrators keep all of it.
 */
export const requesterAnswer: AudienceView = {
  apply: (data: Answered, audience: PolicyAudience): unknown => {
    if (audience.organisation === undefined) return data;
    const { reasons, amountsDue, ...answer } = data;
    // An organisation audience always names its kind; without one, the narrowest view.
    const view = findingsView(audience.inquiryKind ?? 'Utility', { reasons, amountsDue }, 'requester');
    return {
      ...answer,
      ...(view.reasons ? { reasons: view.reasons } : {}),
      ...(view.amountsDue ? { amountsDue: view.amountsDue } : {}),
    };
  },
  omits: ['reasons', 'amountsDue'],
};
