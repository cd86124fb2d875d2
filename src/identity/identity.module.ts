import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ApiKeysReadModel } from './api-keys/api-keys.read-model.js';
import { AccessGuard } from './auth/access.guard.js';
import { API_KEY_AUTHENTICATOR, Authenticator } from './auth/authenticator.js';
import { IssueTokenHandler } from './auth/issue-token/issue-token.handler.js';
import { IssueTokenHttpController } from './auth/issue-token/issue-token.http.controller.js';
import { JwksHttpController } from './auth/jwks.http.controller.js';
import { TokenSigner } from './auth/token-signer.js';
import { LoginThrottle } from './login-throttle.store.js';
import { MeHttpController } from './users/me/me.http.controller.js';
import { RegisterCitizenHttpController } from './users/register-citizen/register-citizen.http.controller.js';
import { UserAccounts } from './users/user-accounts.service.js';
import { UsersReadModel } from './users/users.read-model.js';

/** Principals: users, roles, organisations, tokens, API keys, and the guard every endpoint passes. */
@Module({
  controllers: [
    IssueTokenHttpController,
    RegisterCitizenHttpController,
    MeHttpController,
    JwksHttpController,
  ],
  providers: [
    {
      provide: TokenSigner,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => TokenSigner.open(join(config.dataDir, 'keys'), config.publicUrl),
    },
    { provide: LoginThrottle, useFactory: () => new LoginThrottle() },
    UsersReadModel,
    ApiKeysReadModel,
    { provide: API_KEY_AUTHENTICATOR, useExisting: ApiKeysReadModel },
    Authenticator,
    UserAccounts,
    IssueTokenHandler,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersReadModel, UserAccounts, Authenticator],
})
export class IdentityModule {}
