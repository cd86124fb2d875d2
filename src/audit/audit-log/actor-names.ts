import { Injectable } from '@nestjs/common';
import { ApiKeysReadModel } from '../../identity/api-keys/api-keys.read-model.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';

const CACHED = 10_000;

/**
 * Who an actor id names, for people reading the audit log: a user's display name or an API key's label;
 * system actors by their id. Names never change once given, so found ones are kept (not misses).
 */
@Injectable()
export class ActorNames {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly users: UsersReadModel,
    private readonly apiKeys: ApiKeysReadModel,
  ) {}

  nameOf(actorId: string): string | undefined {
    const kept = this.names.get(actorId);
    if (kept !== undefined) return kept;
    const name = actorId.startsWith('apikey-')
      ? this.apiKeys.get(actorId.slice('apikey-'.length))?.label
      : this.users.get(actorId)?.displayName;
    if (name !== undefined) {
      if (this.names.size >= CACHED) this.names.clear();
      this.names.set(actorId, name);
    }
    return name;
  }
}
