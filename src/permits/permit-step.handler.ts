import { Injectable } from '@nestjs/common';
import { PermitCommandRunner, type PermitRelation } from './permit-command-runner.js';
import type { PermitCommand } from './permit.commands.js';
import type { PermitStepCommand } from './permit-step.command.js';
import type { PermitView } from './permits.read-model.js';

/**
 * Handles a step on a file the caller stands to as `relation`: the step makes the decider's command
 * from the file as it is; `until` names the reactions' work the answer waits for, if any.
 */
@Injectable()
export abstract class PermitStepHandler<Step extends PermitStepCommand<unknown>> {
  protected abstract readonly relation: PermitRelation;
  protected readonly until?: (permit: PermitView | undefined) => boolean;
  /** The stored files the step names, checked and kept from the blob collector before it is decided. */
  protected readonly cites?: (step: Step) => readonly string[];

  constructor(protected readonly runner: PermitCommandRunner) {}

  protected abstract command(step: Step, permit: PermitView): PermitCommand;

  execute(step: Step): Promise<PermitView> {
    const { until, cites } = this;
    return this.runner.run(
      step.caller,
      step.permitId,
      this.relation,
      (permit) => this.command(step, permit),
      { ...step.options, ...(until ? { until } : {}), ...(cites ? { cites: cites(step) } : {}) },
    );
  }
}
