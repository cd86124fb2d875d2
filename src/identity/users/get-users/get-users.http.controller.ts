import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { listPage, PageOf, type PageResponse } from '../../../shared/http/pagination.js';
import { Roles } from '../../auth/access.decorators.js';
import { userNotFound } from '../user.decider.js';
import { toUserResponse, UserResponseDto } from '../user.response.dto.js';
import { UsersReadModel } from '../users.read-model.js';
import { GetUsersQueryDto } from './get-users.request.dto.js';

@ApiTags('users')
@Controller('users')
export class GetUsersHttpController {
  constructor(private readonly users: UsersReadModel) {}

  @Get()
  @Roles(['admin'])
  @ApiOperation({ summary: 'List users, by role, municipality and organisation (matched within one grant)' })
  @ApiOkResponse({ type: PageOf(UserResponseDto) })
  list(@Query() query: GetUsersQueryDto): PageResponse<UserResponseDto> {
    const { role, municipality, organisation } = query;
    return listPage(
      this.users,
      query,
      { some: { path: 'grants', where: { role, municipality, organisation } }, orderBy: 'username' },
      toUserResponse,
    );
  }

  @Get(':id')
  @Roles(['admin'])
  @ApiOperation({ summary: 'One user, without the password hash' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'USER.NOT_FOUND' })
  get(@Param('id') id: string): UserResponseDto {
    return toUserResponse(this.users.getOr(id, userNotFound));
  }
}
