import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { RecordCommissionRulingCommand } from './record-commission-ruling.command.js';

@CommandHandler(RecordCommissionRulingCommand)
export class RecordCommissionRulingHandler extends PermitStepHandler<RecordCommissionRulingCommand> {
  protected readonly relation = 'staff';

  protected command({ input }: RecordCommissionRulingCommand, permit: PermitView): PermitCommand {
    return { type: 'RecordCommissionRuling', data: { permitId: permit.permitId, ...input } };
  }
}
