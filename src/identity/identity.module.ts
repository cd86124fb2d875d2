import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ApiKeysReadModel } from './api-keys/api-keys.read-model.js';
import { AccessGuard } from './auth/access.guard.js';
import { API_KEY_AUTHENTICATOR, Authenticator, EXTERNAL_TOKEN_VERIFIER } from './auth/authenticator.js';
import { IdentityDemoSeeder } from './demo/identity-demo-seeder.js';
import { IdentityBootstrap } from './demo/identity-bootstrap.js';
import { IssueTokenHandler } from './auth/issue-token/issue-token.handler.js';
import { IssueTokenHttpController } from './auth/issue-token/issue-token.http.controller.js';
import { JwksHttpController } from './auth/get-jwks/get-jwks.http.controller.js';
import { OidcTokenVerifier } from './auth/oidc-token-verifier.js';
import { TokenSigner } from './auth/token-signer.js';
import { CredentialsCipher } from './credentials-cipher.js';
import { LoginThrottle } from './login-throttle.store.js';
import { PasswordVault } from './password-vault.js';
import { MeHttpController } from './users/me/me.http.controller.js';
import { ConfirmConsentHandler } from './consents/confirm-consent/confirm-consent.handler.js';
import { ConfirmConsentHttpController } from './consents/confirm-consent/confirm-consent.http.controller.js';
import { ConsentsReadModel } from './consents/consents.read-model.js';
import { RegistrationsReadModel } from './registrations/registrations.read-model.js';
import { GetConsentsHttpController } from './consents/get-consents/get-consents.http.controller.js';
import { RequestConsentHandler } from './consents/request-consent/request-consent.handler.js';
import { RequestConsentHttpController } from './consents/request-consent/request-consent.http.controller.js';
import { WithdrawConsentHandler } from './consents/withdraw-consent/withdraw-consent.handler.js';
import { WithdrawConsentHttpController } from './consents/withdraw-consent/withdraw-consent.http.controller.js';
import { CodeLimits } from './one-time-codes/code-limits.js';
import { OneTimeCodes } from './one-time-codes/one-time-codes.js';
import { DemoIdentityMatch } from './proofing/demo-identity-match.js';
import { HttpIdentityMatch } from './proofing/http-identity-match.js';
import { IDENTITY_MATCH } from './proofing/identity-match.port.js';
import { ConfirmRegistrationHandler } from './registrations/confirm-registration/confirm-registration.handler.js';
import { ConfirmRegistrationHttpController } from './registrations/confirm-registration/confirm-registration.http.controller.js';
import { ResendRegistrationCodeHandler } from './registrations/resend-registration-code/resend-registration-code.handler.js';
import { ResendRegistrationCodeHttpController } from './registrations/resend-registration-code/resend-registration-code.http.controller.js';
import { StartRegistrationHandler } from './registrations/start-registration/start-registration.handler.js';
import { StartRegistrationHttpController } from './registrations/start-registration/start-registration.http.controller.js';
import { demoOwners } from '../parcels/demo-parcels.js';
import { UserAccounts } from './users/user-accounts.service.js';
import { UsersReadModel } from './users/users.read-model.js';
import { GetApiKeysHttpController } from './api-keys/get-api-keys/get-api-keys.http.controller.js';
import { IssueApiKeyHttpController } from './api-keys/issue-api-key/issue-api-key.http.controller.js';
import { RevokeApiKeyHttpController } from './api-keys/revoke-api-key/revoke-api-key.http.controller.js';
import { AddRegionHttpController } from './municipalities/add-region/add-region.http.controller.js';
import { GetMunicipalitiesHttpController } from './municipalities/get-municipalities/get-municipalities.http.controller.js';
import { MunicipalitiesReadModel } from './municipalities/municipalities.read-model.js';
import { RegisterMunicipalityHttpController } from './municipalities/register-municipality/register-municipality.http.controller.js';
import { DeactivateOrganisationHttpController } from './organisations/deactivate-organisation/deactivate-organisation.http.controller.js';
import { GetOrganisationsHttpController } from './organisations/get-organisations/get-organisations.http.controller.js';
import { OrganisationsReadModel } from './organisations/organisations.read-model.js';
import { RegisterOrganisationHttpController } from './organisations/register-organisation/register-organisation.http.controller.js';
import { ScopeDirectory } from './scope-directory.js';
import { CreateUserHttpController } from './users/create-user/create-user.http.controller.js';
import { DisableUserHttpController } from './users/disable-user/disable-user.http.controller.js';
import { GetUsersHttpController } from './users/get-users/get-users.http.controller.js';
import { GrantRoleHttpController } from './users/grant-role/grant-role.http.controller.js';
import { RevokeRoleHttpController } from './users/revoke-role/revoke-role.http.controller.js';

import { ListApiKeysHandler } from './api-keys/get-api-keys/list-api-keys.handler.js';
import { IssueApiKeyHandler } from './api-keys/issue-api-key/issue-api-key.handler.js';
import { RevokeApiKeyHandler } from './api-keys/revoke-api-key/revoke-api-key.handler.js';
import { GetJwksHandler } from './auth/get-jwks/get-jwks.handler.js';
import { ListConsentsHandler } from './consents/get-consents/list-consents.handler.js';
import { AddRegionHandler } from './municipalities/add-region/add-region.handler.js';
import { GetMunicipalityHandler } from './municipalities/get-municipalities/get-municipality.handler.js';
import { ListMunicipalitiesHandler } from './municipalities/get-municipalities/list-municipalities.handler.js';
import { RegisterMunicipalityHandler } from './municipalities/register-municipality/register-municipality.handler.js';
import { DeactivateOrganisationHandler } from './organisations/deactivate-organisation/deactivate-organisation.handler.js';
import { GetOrganisationHandler } from './organisations/get-organisations/get-organisation.handler.js';
import { ListOrganisationsHandler } from './organisations/get-organisations/list-organisations.handler.js';
import { RegisterOrganisationHandler } from './organisations/register-organisation/register-organisation.handler.js';
import { ChangePasswordHandler } from './users/change-password/change-password.handler.js';
import { CreateUserHandler } from './users/create-user/create-user.handler.js';
import { DisableUserHandler } from './users/disable-user/disable-user.handler.js';
import { GetMeHandler } from './users/get-me/get-me.handler.js';
import { GetUserHandler } from './users/get-users/get-user.handler.js';
import { ListUsersHandler } from './users/get-users/list-users.handler.js';
import { GrantRoleHandler } from './users/grant-role/grant-role.handler.js';
import { RevokeRoleHandler } from './users/revoke-role/revoke-role.handler.js';
/** Principals: users, roles, organisations, tokens, API keys, and the guard every endpoint passes. */
@Module({
  controllers: [
    IssueTokenHttpController,
    StartRegistrationHttpController,
    ConfirmRegistrationHttpController,
    ResendRegistrationCodeHttpController,
    RequestConsentHttpController,
    ConfirmConsentHttpController,
    WithdrawConsentHttpController,
    GetConsentsHttpController,
    MeHttpController,
    JwksHttpController,
    RegisterMunicipalityHttpController,
    AddRegionHttpController,
    GetMunicipalitiesHttpController,
    RegisterOrganisationHttpController,
    DeactivateOrganisationHttpController,
    GetOrganisationsHttpController,
    CreateUserHttpController,
    GetUsersHttpController,
    GrantRoleHttpController,
    RevokeRoleHttpController,
    DisableUserHttpController,
    IssueApiKeyHttpController,
    GetApiKeysHttpController,
    RevokeApiKeyHttpController,
  ],
  providers: [
    {
      provide: TokenSigner,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => TokenSigner.open(join(config.dataDir, 'keys'), config.publicUrl),
    },
    { provide: LoginThrottle, useFactory: () => new LoginThrottle() },
    {
      provide: OneTimeCodes,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => OneTimeCodes.open(join(config.dataDir, 'keys')),
    },
    {
      provide: CodeLimits,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new CodeLimits(config.codeSendsPerAddressPerHour),
    },
    {
      provide: IDENTITY_MATCH,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.identityMatch
          ? new HttpIdentityMatch(config.identityMatch)
          : new DemoIdentityMatch(demoOwners),
    },
    StartRegistrationHandler,
    ConfirmRegistrationHandler,
    ResendRegistrationCodeHandler,
    ConsentsReadModel,
    RegistrationsReadModel,
    RequestConsentHandler,
    ConfirmConsentHandler,
    WithdrawConsentHandler,
    {
      provide: CredentialsCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.credentialsKeyPath === undefined
          ? CredentialsCipher.open(join(config.dataDir, 'keys', 'credentials.keys'), { create: true })
          : CredentialsCipher.open(config.credentialsKeyPath, { create: false }),
    },
    {
      provide: PasswordVault,
      inject: [CredentialsCipher],
      useFactory: (cipher: CredentialsCipher) => new PasswordVault(cipher),
    },
    UsersReadModel,
    ApiKeysReadModel,
    { provide: API_KEY_AUTHENTICATOR, useExisting: ApiKeysReadModel },
    {
      provide: EXTERNAL_TOKEN_VERIFIER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.oidc ? new OidcTokenVerifier(config.oidc) : undefined),
    },
    Authenticator,
    UserAccounts,
    IdentityDemoSeeder,
    IdentityBootstrap,
    MunicipalitiesReadModel,
    OrganisationsReadModel,
    ScopeDirectory,
    IssueTokenHandler,
    ListApiKeysHandler,
    IssueApiKeyHandler,
    RevokeApiKeyHandler,
    GetJwksHandler,
    ListConsentsHandler,
    AddRegionHandler,
    GetMunicipalityHandler,
    ListMunicipalitiesHandler,
    RegisterMunicipalityHandler,
    DeactivateOrganisationHandler,
    GetOrganisationHandler,
    ListOrganisationsHandler,
    RegisterOrganisationHandler,
    ChangePasswordHandler,
    CreateUserHandler,
    DisableUserHandler,
    GetMeHandler,
    GetUserHandler,
    ListUsersHandler,
    GrantRoleHandler,
    RevokeRoleHandler,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [
    CredentialsCipher,
    UsersReadModel,
    UserAccounts,
    Authenticator,
    ScopeDirectory,
    IdentityDemoSeeder,
    MunicipalitiesReadModel,
    ApiKeysReadModel,
  ],
})
export class IdentityModule {}
