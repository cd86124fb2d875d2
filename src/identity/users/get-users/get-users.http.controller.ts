import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPurposeHeader } from '../../../audit/record-access/purpose-header.js';
import { PageOf, type PageResponse } from '../../../shared/http/pagination.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { UserResponseDto } from '../user.response.dto.js';
import { GetUsersQueryDto } from './get-users.request.dto.js';
import { ListUsersQuery } from './list-users.query.js';
import { GetUserQuery } from './get-user.query.js';

@ApiTags('users')
@Controller('users')
export class GetUsersHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(['admin'])
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'List users, by role, municipality and organisation (matched within one grant)' })
  @ApiOkResponse({ type: PageOf(UserResponseDto) })
  listUsers(
    @Query() query: GetUsersQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PageResponse<UserResponseDto>> {
    return this.queries.execute(new ListUsersQuery(query, caller));
  }

  @Get(':id')
  @Roles(['admin'])
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'One user, without the password hash' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'USER.NOT_FOUND' })
  getUser(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<UserResponseDto> {
    return this.queries.execute(new GetUserQuery(id, caller));
  }
}
