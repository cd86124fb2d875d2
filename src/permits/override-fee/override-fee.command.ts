import type { FeeLineCode } from '../../fees/calculate-fees.js';
import { PermitStepCommand } from '../permit-step.command.js';
import type { OverrideFeeRequestDto } from './override-fee.request.dto.js';

export class OverrideFeeCommand extends PermitStepCommand<
  OverrideFeeRequestDto & { readonly line: FeeLineCode }
> {}
