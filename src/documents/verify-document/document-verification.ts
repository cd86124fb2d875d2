import type { DocumentStatus, SummaryValue } from '../../../projections/documents/documents.projection.js';
import type { DocumentKind } from '../document.events.js';

export interface SignatureCheck {
  readonly valid: boolean;
  readonly algorithm: 'CMS detached SignedData, SHA-256 with RSA';
  readonly keyId: string;
  readonly reason?: string;
}

export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validTo: string;
}

/** The issuing event's leaf in the ledger, proven against the latest signed checkpoint. */
export interface LedgerInclusion {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: string;
  readonly inclusionProof: readonly string[];
  /** The signed note (C2SP tlog-checkpoint) of size `treeSize`. */
  readonly checkpoint: string;
}

/** Why `ledger` is null: checkpoints are signed every few seconds, so ask again shortly. */
export const LEDGER_NOT_YET_SIGNED = 'NOT_YET_SIGNED';

/** What anyone may learn about a document from its code (استعلام اصالت سند). */
export interface DocumentVerification {
  readonly status: DocumentStatus;
  readonly code: string;
  readonly kind: DocumentKind;
  readonly municipality: { readonly id: string; readonly nameFa?: string };
  readonly issuedAt: string;
  /** The Jalali calendar day in Tehran, YYYY-MM-DD. */
  readonly issuedAtJalali: string;
  readonly summary: Readonly<Record<string, SummaryValue>>;
  readonly contentSha256: string;
  readonly signature: SignatureCheck;
  readonly certificate: CertificateSummary | null;
  readonly revocation?: { readonly reason: string; readonly at: string };
  readonly supersededBy?: string;
  readonly ledger: LedgerInclusion | null;
  readonly ledgerReason?: typeof LEDGER_NOT_YET_SIGNED;
}
