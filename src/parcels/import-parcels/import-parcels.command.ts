import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import type { Problem } from './parse-parcels-csv.js';
import type { ParcelRegistration } from './validate-parcel-rows.js';

/** What was imported, or (then nothing was) the problems found, by line. */
export interface ImportOutcome {
  readonly imported: readonly ParcelRegistration[];
  readonly problems: readonly Problem[];
  /** The log position of the last registration, for waiting on read models. */
  readonly position?: string;
}

/** A parcels CSV file, registered as `context.actor`. */
export class ImportParcelsCommand extends Command<ImportOutcome> {
  constructor(
    readonly csv: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
