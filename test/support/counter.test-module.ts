import { Body, Controller, Inject, Module, Param, Post } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import type { CommandOptions } from '../../src/event-store/command-handling/command-context.js';
import type { Decider } from '../../src/event-store/command-handling/decider.js';
import { CommandRunner } from '../../src/event-store/command-handling/command-runner.js';
import { handleCommand } from '../../src/event-store/command-handling/handle-command.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { DomainError } from '../../src/shared/domain-error.js';
import { CommandHeaders } from '../../src/shared/http/command-options.decorator.js';
import { Public } from '../../src/identity/auth/access.decorators.js';

/** A tiny slice used only by tests to drive the HTTP command pipeline end to end. */
type CounterEvent = { type: 'CounterIncremented'; data: { by: number } };
interface Counter {
  readonly total: number;
}
interface Increment {
  readonly by: number;
}

export const counterDecider: Decider<Increment, Counter, CounterEvent> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.by }),
  decide: (command, state) =>
    state.total + command.by > 10
      ? new DomainError(
          'COUNTER.LIMIT_REACHED',
          `The counter would pass 10 (it is at ${state.total})`,
          'conflict',
        )
      : [{ type: 'CounterIncremented', data: { by: command.by } }],
};

class IncrementRequestDto {
  @IsInt()
  @Min(1)
  @Max(10)
  by!: number;
}

@Controller('test-counters')
class CounterHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post(':id/increments')
  @Public()
  async increment(
    @Param('id') id: string,
    @Body() body: IncrementRequestDto,
    @CommandHeaders() options: CommandOptions,
  ) {
    const context = {
      actor: { id: 'user-test', role: 'clerk' },
      correlationId: id,
      causationId: id,
      now: new Date().toISOString(),
    };
    const result = await handleCommand(
      this.store,
      `counter-${id}`,
      counterDecider,
      { by: body.by },
      context,
      options,
    );
    return { total: result.state.total, revision: result.revision?.toString() };
  }
}

/** The same command through CommandRunner, answering once the read model `fragile` shows it. */
@Controller('test-counters')
class AwaitedCounterHttpController {
  constructor(private readonly commands: CommandRunner) {}

  @Post(':id/awaited-increments')
  @Public()
  async increment(@Param('id') id: string, @Body() body: IncrementRequestDto) {
    const context = {
      actor: { id: 'user-test', role: 'clerk' },
      correlationId: id,
      causationId: id,
      now: new Date().toISOString(),
    };
    const result = await this.commands.run(`counter-${id}`, counterDecider, { by: body.by }, context, {
      awaiting: ['fragile'],
    });
    return { total: result.state.total };
  }
}

@Module({ controllers: [CounterHttpController, AwaitedCounterHttpController] })
export class CounterTestModule {}
