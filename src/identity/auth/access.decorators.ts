import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Role } from '../roles.js';

export const ACCESS_POLICY = 'daftar:access-policy';

/** What an endpoint demands of its caller; every route declares one (the guard refuses routes that do not). */
export type AccessPolicy =
  | { readonly kind: 'public' }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[]; readonly permission?: string };

/** Anyone, signed in or not. */
export const Public = () =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'public' }),
    ApiExtension('x-daftar-access', { public: true }),
  );

/** Any signed-in principal, whatever its roles. */
export const Authenticated = () =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'authenticated' }),
    ApiExtension('x-daftar-access', { authenticated: true }),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'not signed in' }),
  );

/**
 * Principals holding one of `roles`. `permission` is what an API key must also carry; people are
 * governed by their roles alone.
 */
export const Roles = (roles: readonly Role[], options: { permission?: string } = {}) =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'roles', roles, ...options }),
    ApiExtension('x-daftar-access', { roles, ...options }),
    ApiBearerAuth(),
    ApiSecurity('ApiKey'),
    ApiUnauthorizedResponse({ description: 'not signed in' }),
    ApiForbiddenResponse({ description: `needs one of the roles: ${roles.join(', ')}` }),
  );
