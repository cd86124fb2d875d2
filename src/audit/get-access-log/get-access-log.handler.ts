import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AccessLogNames, AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/app-config.module.js';
import { OrganisationsReadModel } from '../../identity/organisations/organisations.read-model.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { listPage } from '../../shared/http/pagination.js';
import { ACCESS_LOG_ORDER, AccessLogReadModel, type AccessLogEntry } from './access-log.read-model.js';
import type { AccessLogItemDto, AccessLogPageDto } from './access-log.response.dto.js';
import { GetAccessLogQuery } from './get-access-log.query.js';

/**
 * Who read what of the citizen's data: officials by role and office, never by id; by name too only
 * where the municipality's policy says so (`DAFTAR_ACCESS_LOG_NAMES=name`).
 */
@QueryHandler(GetAccessLogQuery)
export class GetAccessLogHandler implements IQueryHandler<GetAccessLogQuery> {
  private readonly names: AccessLogNames;

  constructor(
    private readonly log: AccessLogReadModel,
    private readonly organisations: OrganisationsReadModel,
    private readonly users: UsersReadModel,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.names = config.accessLogNames;
  }

  async execute({ caller, page }: GetAccessLogQuery): Promise<AccessLogPageDto> {
    // A citizen without a national id has no data of theirs anyone could read.
    const citizen = caller.signedIn.nationalId ?? '';
    const query = { where: { citizen }, orderBy: ACCESS_LOG_ORDER, descending: true };
    return listPage(this.log, page, query, (entry) => this.item(entry));
  }

  private item({ citizen: _, reader, ...entry }: AccessLogEntry): AccessLogItemDto {
    const office = reader.office && this.organisations.get(reader.office);
    const name = this.names === 'name' ? this.users.get(reader.id)?.displayName : undefined;
    return {
      ...entry,
      reader: {
        role: reader.role,
        ...(name === undefined ? {} : { name }),
        ...(reader.office ? { office: office ? (office.nameFa ?? office.name) : reader.office } : {}),
        ...(reader.municipality ? { municipality: reader.municipality } : {}),
      },
    };
  }
}
