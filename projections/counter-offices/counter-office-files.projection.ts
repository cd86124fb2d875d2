import { categoryOf, type RecordedEvent } from '../../src/event-store/event-envelope.js';
import { INQUIRY_EVENT_TYPES, type InquiryEvent } from '../../src/inquiries/inquiry.events.js';
import { PERMIT_EVENT_TYPES, type PermitEvent } from '../../src/permits/permit.events.js';
import type { Projection } from '../projection.js';

export type CounterOfficeFileKind = 'permit' | 'inquiry';
const isKind = (category: string): category is CounterOfficeFileKind =>
  category === 'permit' || category === 'inquiry';

type HandledEvent = PermitEvent | InquiryEvent;

/**
 * A permit file or inquiry a counter office (دفتر پیشخوان) opened or acted on for a citizen: the
 * office's own worklist (کارتابل). One row per office and record, from the events' envelopes; the
 * record's status is read where the record itself is kept.
 */
export interface CounterOfficeFileView {
  /** `<office>/<stream>`. */
  readonly id: string;
  readonly office: string;
  readonly kind: CounterOfficeFileKind;
  /** The permit id or the inquiry id. */
  readonly recordId: string;
  /** The citizen the office acted for, last. */
  readonly citizenNationalId: string;
  /** The consent it acted under, last. */
  readonly consent?: string;
  readonly firstActedAt: string;
  readonly lastActedAt: string;
  /** What the office did last. */
  readonly lastEventType: string;
}

/** The office that acted for a citizen on this event, if one did on a permit file or an inquiry. */
function actingOffice(event: RecordedEvent<HandledEvent>): string | undefined {
  const { role, office, onBehalfOf } = event.metadata.actor;
  const acted = role === 'counter_office' && onBehalfOf !== undefined && isKind(categoryOf(event.stream));
  return acted ? office : undefined;
}

export const counterOfficeFilesProjection: Projection<CounterOfficeFileView, HandledEvent> = {
  name: 'counter_office_files',
  version: 1,
  handles: [...PERMIT_EVENT_TYPES, ...INQUIRY_EVENT_TYPES],
  indexes: [['office', 'lastActedAt']],
  documentId: (event) => {
    const office = actingOffice(event);
    return office === undefined ? null : `${office}/${event.stream}`;
  },
  evolve: (doc, event) => {
    const { actor, recordedAt } = event.metadata;
    const kind = categoryOf(event.stream) as CounterOfficeFileKind;
    return {
      id: `${actor.office}/${event.stream}`,
      office: actor.office!,
      kind,
      recordId: event.stream.slice(kind.length + 1),
      citizenNationalId: actor.onBehalfOf!,
      ...(actor.consent === undefined ? {} : { consent: actor.consent }),
      firstActedAt: doc?.firstActedAt ?? recordedAt,
      lastActedAt: recordedAt,
      lastEventType: event.type,
    };
  },
};
