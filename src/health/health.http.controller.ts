import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { Public } from '../identity/auth/access.decorators.js';
import { SubscriberRunner } from '../event-store/subscriptions/subscriber-runner.js';
import { StartupTasks } from '../shared/startup-tasks.js';
import type { SubscriberStatus } from '../event-store/subscriptions/subscriber.js';

const PING_TIMEOUT_MS = 2000;

@ApiTags('operations')
@Controller()
export class HealthHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly subscribers: SubscriberRunner,
    private readonly startup: StartupTasks,
  ) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process is up' })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary: 'Readiness: the store answers, every subscriber has caught up, start-up tasks are done',
  })
  @ApiResponse({ status: 200, description: 'ready' })
  @ApiResponse({ status: 503, description: 'not ready, with the reason' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const subscribers = this.subscribers.statuses();
    const reasons = [
      ...(await this.storeProblem()),
      ...subscribers.flatMap(subscriberProblem),
      ...this.startup.problems(),
    ];
    if (reasons.length === 0) return { status: 'ready', subscribers };
    void reply.status(503);
    return { code: 'SERVICE.NOT_READY', message: reasons.join('; '), subscribers };
  }

  private async storeProblem(): Promise<string[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.store.ping(), timeout]);
      return [];
    } catch (error) {
      return [`event store unreachable: ${error instanceof Error ? error.message : String(error)}`];
    } finally {
      clearTimeout(timer);
    }
  }
}

function subscriberProblem(status: SubscriberStatus): string[] {
  if (status.state === 'live') return [];
  if (status.failure) {
    const f = status.failure;
    return [`${status.name} stopped at position ${f.position} (${f.eventType} ${f.eventId}): ${f.message}`];
  }
  return [`${status.name} is ${status.state.replace('_', ' ')} (at position ${status.position ?? 'start'})`];
}
