import type { BlobReferences } from '../attachments/blob-collector.js';
import type { RecordedEvent } from '../event-store/event-envelope.js';
import type { PermitEvent } from './permit.events.js';

type NamingBlobs = Extract<
  PermitEvent,
  {
    type:
      | 'PermitDocumentAttached'
      | 'SiteVisitReported'
      | 'InspectionReported'
      | 'EngineerStageReported'
      | 'StageInspected';
  }
>;

// A record, so that adding an event to NamingBlobs without listing it here does not compile.
const TYPES: { readonly [type in NamingBlobs['type']]: true } = {
  PermitDocumentAttached: true,
  SiteVisitReported: true,
  InspectionReported: true,
  EngineerStageReported: true,
  StageInspected: true,
};

/** The blobs permit files name: attached documents, site photos, inspection photos, stage reports' files. */
export const permitBlobReferences: BlobReferences = {
  eventTypes: Object.keys(TYPES),
  hashesIn: (recorded: RecordedEvent) => {
    const event = recorded as RecordedEvent<NamingBlobs>;
    switch (event.type) {
      case 'PermitDocumentAttached':
        return [event.data.attachment.sha256];
      case 'SiteVisitReported':
        return event.data.survey.photos;
      case 'InspectionReported':
        return event.data.violations.flatMap((violation) => violation.photos ?? []);
      case 'EngineerStageReported':
        return event.data.attachments ?? [];
      case 'StageInspected':
        return [
          ...event.data.photos,
          ...event.data.violations.flatMap((violation) => violation.photos ?? []),
        ];
      default: {
        const unexpected: never = event;
        throw new Error(`Not an event naming blobs: ${(unexpected as RecordedEvent).type}`);
      }
    }
  },
};
