import { HASH_SIZE } from '../../../signing/transparency/merkle-hashes.js';
import { decodeBase64 } from '../../../signing/transparency/note-verifier-key.js';

/** `globalThis.fetch`, or a stand-in in tests. */
export type Fetch = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<Response>;

/** Exit statuses of `npm run ledger:check`. */
export const CHECK_EXIT = { ok: 0, failed: 1, unusable: 2, notYetSigned: 3 } as const;
export type CheckExit = (typeof CHECK_EXIT)[keyof typeof CHECK_EXIT];

/** Why a check stopped: a proof or signature that does not hold (1), no answer (2), nothing signed yet (3). */
export class LedgerCheckFailure extends Error {
  constructor(
    readonly exitStatus: Exclude<CheckExit, 0>,
    message: string,
  ) {
    super(message);
    this.name = 'LedgerCheckFailure';
  }
}

export const failed = (message: string) => new LedgerCheckFailure(CHECK_EXIT.failed, message);

export interface Inclusion {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
}

export interface DocumentInclusion extends Inclusion {
  readonly kind: string;
  readonly status: string;
  /** The signed note the proof holds against. */
  readonly checkpoint: string;
}

const TIMEOUT_MS = 30_000;

/** The public routes of a Daftar deployment that a third party checks the ledger with. */
export class LedgerApi {
  private readonly base: string;

  constructor(
    url: string,
    private readonly fetch: Fetch,
  ) {
    this.base = url.replace(/\/+$/, '');
  }

  async verifierKey(): Promise<string> {
    return (await this.text('/.well-known/daftar/ledger-key')).trim();
  }

  async checkpoint(): Promise<string> {
    const response = await this.get('/ledger/checkpoint', 'text/plain');
    if (response.status === 404) {
      throw new LedgerCheckFailure(
        CHECK_EXIT.notYetSigned,
        'No checkpoint has been signed yet: try again shortly',
      );
    }
    return (await this.ok(response)).text();
  }

  async consistency(from: number, to: number): Promise<readonly Uint8Array[]> {
    const body = await this.json(`/ledger/proof/consistency?from=${from}&to=${to}`);
    return hashes(field(body, 'proof'), 'the consistency proof');
  }

  async eventInclusion(eventId: string, size: number): Promise<Inclusion> {
    const path = `/ledger/proof/inclusion?eventId=${encodeURIComponent(eventId)}&size=${size}`;
    const response = await this.get(path, 'application/json');
    const problem = response.ok ? undefined : await problemOf(response);
    if (problem?.code === 'LEDGER.UNKNOWN_EVENT') {
      throw failed(
        `The ledger has no leaf for event ${eventId} (if it was written just now, try again shortly)`,
      );
    }
    if (problem?.code === 'LEDGER.INVALID_PROOF_REQUEST') {
      throw new LedgerCheckFailure(
        CHECK_EXIT.notYetSigned,
        `Event ${eventId} is not in the signed tree of ${size} leaves yet: try again shortly`,
      );
    }
    return inclusionOf(await (await this.ok(response, problem)).json(), 'proof');
  }

  async documentInclusion(code: string): Promise<DocumentInclusion> {
    const response = await this.get(`/v/${encodeURIComponent(code)}`, 'application/json');
    if (response.status === 404) throw failed(`${this.base} knows no document ${code}`);
    const body: unknown = await (await this.ok(response)).json();
    const ledger = field(body, 'ledger');
    if (ledger === null) {
      throw new LedgerCheckFailure(
        CHECK_EXIT.notYetSigned,
        `Document ${code} is not in a signed checkpoint yet (${String(field(body, 'ledgerReason'))}): try again shortly`,
      );
    }
    const checkpoint = field(ledger, 'checkpoint');
    if (typeof checkpoint !== 'string') throw failed('The document’s ledger field has no checkpoint');
    return {
      kind: String(field(body, 'kind')),
      status: String(field(body, 'status')),
      checkpoint,
      ...inclusionOf(ledger, 'inclusionProof'),
    };
  }

  private async text(path: string): Promise<string> {
    return (await this.ok(await this.get(path, 'text/plain'))).text();
  }

  private async json(path: string): Promise<unknown> {
    return (await this.ok(await this.get(path, 'application/json'))).json();
  }

  private async get(path: string, accept: string): Promise<Response> {
    const url = `${this.base}${path}`;
    try {
      return await this.fetch(url, { headers: { accept }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw unusable(`Could not GET ${url}: ${messageOf(error)}`);
    }
  }

  private async ok(response: Response, known?: Problem): Promise<Response> {
    if (response.ok) return response;
    const problem = known ?? (await problemOf(response));
    throw unusable(
      `GET ${response.url || this.base} answered ${response.status}: ${problem.code} ${problem.detail}`,
    );
  }
}

interface Problem {
  readonly code: string;
  readonly detail: string;
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const { code, detail } = JSON.parse(text) as Partial<Problem>;
    return { code: String(code), detail: String(detail) };
  } catch {
    return { code: `HTTP.${response.status}`, detail: text.slice(0, 200) };
  }
}

function inclusionOf(body: unknown, proofField: string): Inclusion {
  const [leafIndex, treeSize] = [field(body, 'leafIndex'), field(body, 'treeSize')];
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) {
    throw failed('The inclusion proof has no whole leafIndex and treeSize');
  }
  return {
    leafIndex: leafIndex as number,
    treeSize: treeSize as number,
    leafHash: hashes([field(body, 'leafHash')], 'the leaf hash')[0]!,
    proof: hashes(field(body, proofField), 'the inclusion proof'),
  };
}

function hashes(list: unknown, what: string): Uint8Array[] {
  const decoded = Array.isArray(list)
    ? list.map((h) => (typeof h === 'string' ? decodeBase64(h) : undefined))
    : [];
  if (!Array.isArray(list) || decoded.some((h) => h?.length !== HASH_SIZE)) {
    throw failed(`${what} is not a list of base64 SHA-256 hashes`);
  }
  return decoded.map((h) => new Uint8Array(h!));
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

const unusable = (message: string) => new LedgerCheckFailure(CHECK_EXIT.unusable, message);

/** fetch says only "fetch failed"; its cause says why. */
function messageOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}
