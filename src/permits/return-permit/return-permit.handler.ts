import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { ReturnPermitCommand } from './return-permit.command.js';

@CommandHandler(ReturnPermitCommand)
export class ReturnPermitHandler extends PermitStepHandler<ReturnPermitCommand> {
  protected readonly relation = 'staff';

  protected command({ input }: ReturnPermitCommand, permit: PermitView): PermitCommand {
    return {
      type: 'ReturnPermit',
      data: {
        permitId: permit.permitId,
        reasons: input.reasons.map(({ reason, documentKind }) => ({
          reason,
          ...(documentKind === undefined ? {} : { documentKind }),
        })),
      },
    };
  }
}
