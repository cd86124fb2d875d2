import { Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';
import { SubscriberRunner } from '../event-store/subscriptions/subscriber-runner.js';
import type { NoteSigner } from '../../signing/transparency/note-verifier-key.js';
import { GetCheckpointHandler } from './get-checkpoint/get-checkpoint.handler.js';
import { GetCheckpointHttpController } from './get-checkpoint/get-checkpoint.http.controller.js';
import { GetLedgerKeyHandler } from './get-ledger-key/get-ledger-key.handler.js';
import { GetLedgerKeyHttpController } from './get-ledger-key/get-ledger-key.http.controller.js';
import { GetTileHandler } from './get-tile/get-tile.handler.js';
import { GetTileHttpController } from './get-tile/get-tile.http.controller.js';
import { ProveEventInclusionHandler } from './prove-event-inclusion/prove-event-inclusion.handler.js';
import { CheckpointLog } from './checkpoint-log.js';
import { CHECKPOINT_SCHEDULE, LedgerCheckpointer } from './ledger-checkpointer.js';
import { LedgerCheckpoints } from './ledger-checkpoints.js';
import { ledgerIdentity, renamedUrlWarning } from './ledger-identity.js';
import { loadLedgerSigner } from './ledger-key.js';
import { LEDGER_SIGNER } from './ledger-signer.js';
import { LedgerTree } from './ledger-tree.js';
import { LedgerTreeSubscriber } from './ledger-tree.subscriber.js';
import { ListCheckpointsHandler } from './list-checkpoints/list-checkpoints.handler.js';
import { ListCheckpointsHttpController } from './list-checkpoints/list-checkpoints.http.controller.js';
import { ProveConsistencyHandler } from './prove-consistency/prove-consistency.handler.js';
import { ProveConsistencyHttpController } from './prove-consistency/prove-consistency.http.controller.js';
import { ProveInclusionHandler } from './prove-inclusion/prove-inclusion.handler.js';
import { ProveInclusionHttpController } from './prove-inclusion/prove-inclusion.http.controller.js';
import { PublicAnswers } from '../shared/http/public-answers.js';

/** The tamper-evident ledger: a Merkle tree over the log, signed checkpoints, and proofs for anyone. */
@Module({
  controllers: [
    GetCheckpointHttpController,
    ListCheckpointsHttpController,
    GetLedgerKeyHttpController,
    ProveInclusionHttpController,
    ProveConsistencyHttpController,
    GetTileHttpController,
  ],
  providers: [
    {
      provide: LEDGER_SIGNER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('LedgerKey');
        return loadLedgerSigner(config, (message) => logger.warn(message));
      },
    },
    {
      provide: LedgerTree,
      inject: [ReadModelDatabase],
      useFactory: (db: ReadModelDatabase) => new LedgerTree(db),
    },
    {
      // After the read models: they are opened under the data directory's lock.
      provide: CheckpointLog,
      inject: [APP_CONFIG, PublicAnswers, ReadModelDatabase],
      useFactory: (config: AppConfig, answers: PublicAnswers) => {
        const log = CheckpointLog.open(config.dataDir);
        // A document's verification shows its inclusion proof up to the newest checkpoint.
        log.onAdded(() => answers.changed());
        return log;
      },
    },
    {
      provide: LedgerCheckpoints,
      inject: [LedgerTree, CheckpointLog, LEDGER_SIGNER, APP_CONFIG],
      useFactory: (tree: LedgerTree, log: CheckpointLog, signer: NoteSigner, config: AppConfig) => {
        const origin = ledgerIdentity(log, signer);
        const warning = renamedUrlWarning(origin, config.publicUrl);
        if (warning !== undefined) new Logger('LedgerKey').warn(warning);
        return new LedgerCheckpoints(tree, log, signer, origin);
      },
    },
    {
      provide: LedgerCheckpointer,
      inject: [LedgerCheckpoints],
      useFactory: (checkpoints: LedgerCheckpoints) =>
        new LedgerCheckpointer(checkpoints, CHECKPOINT_SCHEDULE),
    },
    GetCheckpointHandler,
    ListCheckpointsHandler,
    GetLedgerKeyHandler,
    ProveInclusionHandler,
    ProveConsistencyHandler,
    GetTileHandler,
    ProveEventInclusionHandler,
  ],
  exports: [LedgerTree],
})
export class LedgerModule implements OnModuleInit {
  constructor(
    private readonly tree: LedgerTree,
    @Inject(SubscriberRunner) private readonly subscribers: SubscriberRunner,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new LedgerTreeSubscriber(this.tree));
  }
}
