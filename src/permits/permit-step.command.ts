import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../event-store/command-handling/command-context.js';
import type { Caller } from '../identity/auth/caller.decorator.js';
import type { PermitView } from './permits.read-model.js';

/**
 * A step an HTTP caller takes on a permit file, answered with the file afterwards. Each step is its
 * own subclass, since the bus routes by class; `input` is the step's request body, if it has one.
 */
export abstract class PermitStepCommand<Input = void> extends Command<PermitView> {
  constructor(
    readonly caller: Caller,
    readonly permitId: string,
    /** If-Match and Idempotency-Key. */
    readonly options: CommandOptions,
    readonly input: Input,
  ) {
    super();
  }
}
