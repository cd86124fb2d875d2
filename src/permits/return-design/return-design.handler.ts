import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { ReturnDesignCommand } from './return-design.command.js';

@CommandHandler(ReturnDesignCommand)
export class ReturnDesignHandler extends PermitStepHandler<ReturnDesignCommand> {
  protected readonly relation = 'staff';

  protected command({ input }: ReturnDesignCommand, permit: PermitView): PermitCommand {
    return { type: 'ReturnDesign', data: { permitId: permit.permitId, reasons: input.reasons } };
  }
}
