export const DOCUMENT_KINDS = [
  'BuildingPermit',
  'MapOrder',
  'CompletionCertificate',
  'InquiryAnswer',
  'NoViolationCertificate',
] as const;
/** Building permit (پروانه ساختمانی), map order (دستور نقشه), completion certificate (پایانکار), inquiry answer (پاسخ استعلام), no-violation certificate (گواهی عدم خلاف). */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The event that caused a document: what it certifies. */
export interface DocumentSubject {
  readonly stream: string;
  readonly eventId: string;
}

/** A person a document is about; they may fetch its content and print it. */
export interface DocumentHolder {
  readonly nationalId: string;
  readonly name: string;
}

/** What every document's content carries besides its kind-specific body. */
export interface DocumentContent {
  readonly code: string;
  readonly kind: DocumentKind;
  readonly municipality: string;
  readonly issuedAt: string;
  readonly renewalCode?: string;
  readonly holders: readonly DocumentHolder[];
  /** The organisation it answers (an inquiry's requester), which may fetch it too. */
  readonly organisation?: string;
  readonly body: Readonly<Record<string, unknown>>;
}

export type DocumentEvent =
  | {
      readonly type: 'DocumentIssued';
      readonly data: {
        readonly code: string;
        readonly kind: DocumentKind;
        readonly municipality: string;
        readonly subject: DocumentSubject;
        readonly content: DocumentContent;
        /** Hex SHA-256 of the content's canonical JSON (RFC 8785), the bytes that were signed. */
        readonly contentSha256: string;
        /** Base64 DER of the CMS detached SignedData over those bytes. */
        readonly signature: string;
        readonly keyId: string;
        /** The compact seal printed in the QR code, for offline checks. */
        readonly seal: string;
        readonly issuedAt: string;
      };
    }
  | { readonly type: 'DocumentRevoked'; readonly data: { readonly code: string; readonly reason: string } }
  | {
      readonly type: 'DocumentSuperseded';
      readonly data: { readonly code: string; readonly by: string; readonly reason: string };
    };

export const DOCUMENT_EVENT_TYPES: readonly DocumentEvent['type'][] = [
  'DocumentIssued',
  'DocumentRevoked',
  'DocumentSuperseded',
];

export const documentStream = (code: string) => `document-${code}`;
