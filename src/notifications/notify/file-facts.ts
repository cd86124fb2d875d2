import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import type { InquiryEvent, InquiryRequester } from '../../inquiries/inquiry.events.js';
import type { PermitEvent } from '../../permits/permit.events.js';

export type InquiryFiledFacts = Extract<FileFacts, { readonly process: 'inquiry' }>;

/** What every message about a file needs from its first event: whose it is, where, its tracking number. */
export type FileFacts =
  | {
      readonly process: 'permit';
      readonly id: string;
      readonly municipality: string;
      readonly renewalCode: string;
      readonly applicationType: string;
      readonly applicant: string;
      readonly trackingNumber?: string;
    }
  | {
      readonly process: 'inquiry';
      readonly id: string;
      readonly municipality: string;
      readonly renewalCode: string;
      readonly requester: InquiryRequester;
      /** Who filed it: a person of the requesting organisation, or its API key. */
      readonly filedBy: string;
      readonly trackingNumber?: string;
    };

type Opened =
  Extract<PermitEvent, { type: 'PermitDraftOpened' }> | Extract<InquiryEvent, { type: 'InquiryFiled' }>;

/** Reads a file's first event: it never changes, so a reaction may read it at any time. */
@Injectable()
export class FileFactsReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(stream: string): Promise<FileFacts | undefined> {
    const [first] = await this.store.readStream(stream, { maxCount: 1 });
    const opened = first as (Opened & { metadata: { actor: { id: string } } }) | undefined;
    if (opened?.type === 'PermitDraftOpened') {
      const d = opened.data;
      return {
        process: 'permit',
        id: d.permitId,
        municipality: d.municipality,
        renewalCode: d.renewalCode,
        applicationType: d.applicationType,
        applicant: d.applicantNationalId,
        ...tracking(d.trackingNumber),
      };
    }
    if (opened?.type === 'InquiryFiled') {
      const d = opened.data;
      return {
        process: 'inquiry',
        id: d.inquiryId,
        municipality: d.municipality,
        renewalCode: d.renewalCode,
        requester: d.requester,
        filedBy: opened.metadata.actor.id,
        ...tracking(d.trackingNumber),
      };
    }
    return undefined;
  }
}

const tracking = (trackingNumber: string | undefined) => (trackingNumber ? { trackingNumber } : {});
