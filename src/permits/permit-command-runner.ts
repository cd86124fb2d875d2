import { Injectable } from '@nestjs/common';
import { documentsProjection } from '../../projections/documents/documents.projection.js';
import { permitsProjection } from '../../projections/permits/permits.projection.js';
import type { CommandOptions } from '../event-store/command-handling/command-context.js';
import { CommandRunner } from '../event-store/command-handling/command-runner.js';
import { reportRevision } from '../event-store/command-handling/command-revision.js';
import { SubscriberRunner } from '../event-store/subscriptions/subscriber-runner.js';
import type { Caller } from '../identity/auth/caller.decorator.js';
import { BlobStore } from '../attachments/blob-store.js';
import { DomainError } from '../shared/domain-error.js';
import { PermitAccess, readerOf, seenBy, type PermitReader } from './permit-access.js';
import type { PermitCommand } from './permit.commands.js';
import { permitDecider, permitNotFound } from './permit.decider.js';
import { permitStream } from './permit.events.js';
import { PermitsReadModel, type PermitView } from './permits.read-model.js';

/** How the caller must stand to the file (see `PermitReader`). Role checks are the endpoint's. */
export type PermitRelation = PermitReader;

export interface PermitCommandOptions extends CommandOptions {
  /** What the answer must show of the reactions' work (fees assessed, a document issued), on this file. */
  readonly until?: (permit: PermitView | undefined) => boolean;
  /** SHA-256 of the stored files (photos, reports' papers) the command names. */
  readonly cites?: readonly string[];
}

/** How long an answer waits for the reactions' work before it shows the file as it stands. */
const REACTION_WAIT_MS = 5_000;

/** Runs one command on a permit file for a step's handler and answers the file as it is afterwards. */
@Injectable()
export class PermitCommandRunner {
  constructor(
    private readonly commands: CommandRunner,
    private readonly access: PermitAccess,
    private readonly permits: PermitsReadModel,
    private readonly subscribers: SubscriberRunner,
    private readonly blobs: BlobStore,
  ) {}

  /** The file, if the caller stands to it as `relation`; otherwise 404, so files cannot be probed. */
  fileFor(caller: Caller, permitId: string, relation: PermitRelation): PermitView {
    const permit = this.access.readable(caller, permitId);
    // Any reader stands as an engineer: those steps are the engineer role's, the decider checks which one.
    if (relation !== 'engineer' && readerOf(caller, permit) !== relation) throw permitNotFound(permitId);
    return permit;
  }

  /** Touched, not only looked up: a file uploaded long ago is then safe from the blob collector. */
  private async touchCited(cites: readonly string[]): Promise<void> {
    for (const sha256 of cites) {
      if (!(await this.blobs.touch(sha256))) {
        const message = `No photo or file ${sha256} was uploaded`;
        throw new DomainError('PERMIT.UNKNOWN_PHOTO', message, 'invalid', { photo: sha256 });
      }
    }
  }

  async run(
    caller: Caller,
    permitId: string,
    relation: PermitRelation,
    command: (permit: PermitView) => PermitCommand,
    { cites = [], ...options }: PermitCommandOptions = {},
  ): Promise<PermitView> {
    const permit = this.fileFor(caller, permitId, relation);
    await this.touchCited(cites);
    await this.execute(permitId, command(permit), caller, options);
    const after = this.permits.getOr(permitId, permitNotFound);
    // The answer shows the reactions' work too (fees, documents): its ETag is the file it shows.
    reportRevision(permitStream(permitId), BigInt(after.revision));
    return seenBy(caller, after);
  }

  /** For a new file too: appends, waits for the read model and, with `until`, for the reactions' work. */
  async execute(
    permitId: string,
    command: PermitCommand,
    caller: Caller,
    { until, ...options }: PermitCommandOptions,
  ): Promise<void> {
    const result = await this.commands.run(
      permitStream(permitId),
      permitDecider,
      command,
      caller.commandContext(),
      {
        ...options,
        awaiting: [permitsProjection.name],
      },
    );
    if (result.events.length === 0 || !until) return;
    const permit = await this.permits.until(permitId, until, REACTION_WAIT_MS);
    // A document the answer names must be verifiable the moment the client asks.
    if (permit) {
      await this.subscribers.waitFor(permit.position, { names: [`projection:${documentsProjection.name}`] });
    }
  }
}
