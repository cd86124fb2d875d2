import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { ReturnDesignRequestDto } from './return-design.request.dto.js';
import { ReturnDesignCommand } from './return-design.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class ReturnDesignHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('design/return')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Return the design to the engineer with reasons' })
  @PermitCommandResponses('PERMIT.NO_DESIGN_TO_REVIEW')
  returnDesign(
    @Param('id') id: string,
    @Body() body: ReturnDesignRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new ReturnDesignCommand(caller, id, options, body));
  }
}
