import { Injectable } from '@nestjs/common';
import type { UserDocument } from '../../../projections/users/users.projection.js';
import { usersProjection } from '../../../projections/users/users.projection.js';
import { Documents } from '../../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';

@Injectable()
export class UsersReadModel extends Documents<UserDocument> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, usersProjection.name);
  }

  byUsername(username: string): UserDocument | undefined {
    return this.findOne('username', username);
  }

  /** The account that holds this national id (کد ملی), whatever its username. */
  byNationalId(nationalId: string): UserDocument | undefined {
    return this.findOne('nationalId', nationalId);
  }
}
