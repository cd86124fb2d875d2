import { Injectable } from '@nestjs/common';
import type { UserView } from '../../../projections/users/users.projection.js';
import { usersProjection } from '../../../projections/users/users.projection.js';
import { Documents } from '../../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';

@Injectable()
export class UsersReadModel extends Documents<UserView> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, usersProjection.name);
  }

  byUsername(username: string): UserView | undefined {
    return this.findOne('username', username);
  }

  /** Whether an account holds this national id (کد ملی), as its username (citizens) or its field. */
  holdsNationalId(nationalId: string): boolean {
    return this.byUsername(nationalId) !== undefined || this.byNationalId(nationalId) !== undefined;
  }

  /** The account that holds this national id (کد ملی), whatever its username. */
  byNationalId(nationalId: string): UserView | undefined {
    return this.findOne('nationalId', nationalId);
  }
}
