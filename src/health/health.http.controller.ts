import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { Public } from '../identity/auth/access.decorators.js';
import { SubscriberRunner } from '../event-store/subscriptions/subscriber-runner.js';
import { PROBLEM_CONTENT_TYPE, problemDetails } from '../shared/http/error-response.js';
import { StartupTasks } from '../shared/startup-tasks.js';
import { HealthResponseDto, ReadinessResponseDto } from './health.response.dto.js';
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
  @ApiOkResponse({ type: HealthResponseDto })
  getHealth(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary: 'Readiness: the store answers, every subscriber has caught up, start-up tasks are done',
  })
  @ApiOkResponse({ type: ReadinessResponseDto, description: 'ready' })
  @ApiResponse({
    status: 503,
    description: 'SERVICE.NOT_READY: the reasons, and every subscriber in details',
  })
  async getReadiness(@Res({ passthrough: true }) reply: FastifyReply) {
    const subscribers = this.subscribers.statuses();
    const reasons = [
      ...(await this.storeProblem()),
      ...subscribers.flatMap(subscriberProblem),
      ...this.startup.problems(),
    ];
    if (reasons.length === 0) return { status: 'ready', subscribers };
    // Answered here, not thrown: the error filter would log every probe while the service catches up.
    void reply.status(503).header('content-type', PROBLEM_CONTENT_TYPE);
    return {
      ...problemDetails(503, 'SERVICE.NOT_READY', reasons.join('; '), { subscribers }),
      instance: '/ready',
    };
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
    if ('reason' in f) return [`${status.name} stopped (${f.reason}): ${f.message}`];
    return [`${status.name} stopped at position ${f.position} (${f.eventType} ${f.eventId}): ${f.message}`];
  }
  if (status.retry) {
    const r = status.retry;
    return [
      `${status.name} is retrying at position ${r.position} (${r.eventType} ${r.eventId}), attempt ${r.attempt}: ${r.message}`,
    ];
  }
  return [`${status.name} is ${status.state.replace('_', ' ')} (at position ${status.position ?? 'start'})`];
}
