import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { chooseInspector } from '../inspector-choice.js';
import { permitDecider } from '../permit.decider.js';
import { permitStream } from '../permit.events.js';
import { PermitsReadModel } from '../permits.read-model.js';
import { AutoAssignInspectorCommand } from './auto-assign-inspector.command.js';

/** Inspectors a municipality has, at most: the directory is read once per assignment. */
const MAX_INSPECTORS = 500;

@CommandHandler(AutoAssignInspectorCommand)
export class AutoAssignInspectorHandler implements ICommandHandler<AutoAssignInspectorCommand> {
  constructor(
    private readonly users: UsersReadModel,
    private readonly permits: PermitsReadModel,
    private readonly commands: CommandRunner,
  ) {}

  async execute({ file, at, context }: AutoAssignInspectorCommand): Promise<void> {
    const view = this.permits.get(file.permitId);
    if (!view) return;
    const candidates = this.users
      .list({
        some: { path: 'grants', where: { role: 'inspector', municipality: file.municipality } },
        limit: MAX_INSPECTORS,
      })
      .items.map((u) => ({ userId: u.userId, disabled: u.disabled, grants: u.grants }));
    const open = (inspectorId: string) => this.permits.list({ where: { inspectorId }, limit: 1 }).total;
    const inspectorId = chooseInspector(candidates, file.municipality, view.region, open);
    if (inspectorId === undefined) return;

    await this.commands.run(
      permitStream(file.permitId),
      permitDecider,
      {
        type: 'AssignInspector',
        data: {
          permitId: file.permitId,
          inspectorId,
          at,
          region: view.region,
          inspector: candidates.find((c) => c.userId === inspectorId),
          // A clerk who assigned the stage by hand meanwhile is not overruled.
          unassignedOnly: true,
        },
      },
      context,
      { awaiting: [] },
    );
  }
}
