import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { FeedHead } from './feed-head.js';
import { FeedRateLimit } from './feed-rate-limit.js';
import { FeedReader } from './feed-reader.js';
import { FeedStreams } from './feed-stream/feed-streams.js';
import { StreamFeedHandler } from './feed-stream/stream-feed.handler.js';
import { StreamFeedHttpController } from './feed-stream/stream-feed.http.controller.js';
import { GetFeedHandler } from './get-feed/get-feed.handler.js';
import { GetFeedHttpController } from './get-feed/get-feed.http.controller.js';

/** The integrator feed (CloudEvents): the events Daftar publishes, through their data policy. */
@Module({
  imports: [LedgerModule, IdentityModule],
  controllers: [GetFeedHttpController, StreamFeedHttpController],
  providers: [FeedReader, FeedRateLimit, FeedHead, FeedStreams, GetFeedHandler, StreamFeedHandler],
  exports: [FeedReader, FeedRateLimit],
})
export class FeedModule {}
