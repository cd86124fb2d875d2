import { Inject, Injectable } from '@nestjs/common';
import { permitsProjection } from '../../projections/permits/permits.projection.js';
import type { CommandOptions } from '../event-store/command-handling/command-context.js';
import { CommandRunner } from '../event-store/command-handling/command-runner.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { SubscriberRunner } from '../event-store/subscriptions/subscriber-runner.js';
import type { Caller } from '../identity/auth/caller.decorator.js';
import { PermitAccess, permitScope } from './permit-access.js';
import type { PermitCommand } from './permit.commands.js';
import { permitDecider, permitNotFound } from './permit.decider.js';
import { permitStream } from './permit.events.js';
import { PermitsReadModel, type PermitDocument } from './permits.read-model.js';

/**
 * How the caller stands to the file: its applicant (a citizen, or a counter office acting for them),
 * the municipality's staff, or an engineer designing for it. Role checks are the endpoint's.
 */
export type PermitRelation = 'applicant' | 'staff' | 'engineer';

export interface PermitCommandOptions extends CommandOptions {
  /** Reactions (by name) whose work the answer must show: an issued document, assessed fees. */
  readonly reactions?: readonly string[];
}

/** Runs one command on a permit file for an HTTP caller and answers the file as it is afterwards. */
@Injectable()
export class PermitCommands {
  constructor(
    private readonly commands: CommandRunner,
    private readonly access: PermitAccess,
    private readonly permits: PermitsReadModel,
    private readonly subscribers: SubscriberRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The file, if the caller stands to it as `relation`; otherwise 404, so files cannot be probed. */
  fileFor(caller: Caller, permitId: string, relation: PermitRelation): PermitDocument {
    const permit = this.access.readable(caller, permitId);
    const access = caller.accessTo(permitScope(permit));
    const stands =
      relation === 'applicant' ? access === 'owner' : relation === 'staff' ? access === 'staff' : true;
    if (!stands) throw permitNotFound(permitId);
    return permit;
  }

  async run(
    caller: Caller,
    permitId: string,
    relation: PermitRelation,
    command: (permit: PermitDocument) => PermitCommand,
    { reactions = [], ...options }: PermitCommandOptions = {},
  ): Promise<PermitDocument> {
    const permit = this.fileFor(caller, permitId, relation);
    await this.execute(permitId, command(permit), caller, { reactions, ...options });
    return this.permits.getOr(permitId, permitNotFound);
  }

  /** For a new file too: appends, waits for the read model and for the named reactions. */
  async execute(
    permitId: string,
    command: PermitCommand,
    caller: Caller,
    { reactions = [], ...options }: PermitCommandOptions,
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
    if (result.position === undefined || reactions.length === 0) return;
    await this.subscribers.waitFor(result.position, { names: reactions.map((name) => `reaction:${name}`) });
    // What the reactions appended (fees, a document) reaches the file's read model after them.
    const head = await this.store.headPosition();
    if (head) await this.subscribers.waitFor(head, { names: [`projection:${permitsProjection.name}`] });
  }
}
