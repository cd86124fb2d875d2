import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand } from '../../event-store/command-handling/handle-command.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { MUNICIPALITY_CODE, municipalityStream } from '../../identity/municipalities/municipality.events.js';
import { parcelDecider } from '../parcel.decider.js';
import { parcelId, parcelStream } from '../parcel.events.js';
import { parseRenewalCode } from '../renewal-code.js';
import { type ImportOutcome, ImportParcelsCommand } from './import-parcels.command.js';
import { readParcelsCsv, type ParcelCsvRow } from './parse-parcels-csv.js';
import { validateParcelRows, type ImportContext } from './validate-parcel-rows.js';

/** Appends at a time: enough to fill the store's group commits, few enough to bound memory. */
const BATCH = 64;

/**
 * Imports a parcels CSV file: every row is checked first, against the log itself (municipalities and
 * parcels registered there), and one bad row means nothing of the file is written. Otherwise each row
 * is registered through the parcel decider, as `context.actor`.
 */
@CommandHandler(ImportParcelsCommand)
export class ImportParcelsHandler implements ICommandHandler<ImportParcelsCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ csv, context }: ImportParcelsCommand): Promise<ImportOutcome> {
    const { rows, problems } = readParcelsCsv(csv);
    if (problems.length) return { imported: [], problems };
    const validated = validateParcelRows(rows, await importContext(this.store, rows));
    if (validated.problems.length) return { imported: [], problems: validated.problems };
    let position: string | undefined;
    for (let i = 0; i < validated.parcels.length; i += BATCH) {
      const results = await Promise.all(
        validated.parcels
          .slice(i, i + BATCH)
          .map((data) =>
            handleCommand(
              this.store,
              parcelStream(data.municipality, data.renewalCode),
              parcelDecider,
              { type: 'RegisterParcel', data },
              context,
            ),
          ),
      );
      for (const result of results) {
        if (
          result.position !== undefined &&
          (position === undefined || this.store.comparePositions(result.position, position) > 0)
        )
          position = result.position;
      }
    }
    return { imported: validated.parcels, problems: [], ...(position !== undefined ? { position } : {}) };
  }
}

/** The municipalities and parcels the rows name that the log already holds. */
async function importContext(store: EventStore, rows: readonly ParcelCsvRow[]): Promise<ImportContext> {
  const municipalities = new Set<string>();
  const registered = new Set<string>();
  const named = new Set(
    rows.map((r) => r.values.municipality.trim()).filter((m) => MUNICIPALITY_CODE.test(m)),
  );
  for (const municipality of named) {
    if ((await store.readStream(municipalityStream(municipality), { maxCount: 1 })).length)
      municipalities.add(municipality);
  }
  for (const row of rows) {
    const municipality = row.values.municipality.trim();
    const code = renewalCodeOrUndefined(row.values.renewalCode.trim());
    if (!municipalities.has(municipality) || code === undefined) continue;
    if ((await store.readStream(parcelStream(municipality, code), { maxCount: 1 })).length)
      registered.add(parcelId(municipality, code));
  }
  return { municipalities, registered };
}

function renewalCodeOrUndefined(text: string): string | undefined {
  try {
    return parseRenewalCode(text).text;
  } catch {
    return undefined;
  }
}
