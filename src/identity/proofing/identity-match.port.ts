/**
 * Whether a mobile number is registered to a national id, as the operators' subscriber registry
 * (سامانه شاهکار) answers it. An unreachable provider is never a yes.
 */
export interface IdentityMatch {
  readonly kind: 'demo' | 'provider';
  /** Throws IDENTITY.MATCH_UNAVAILABLE (503) when no answer can be had. */
  matches(nationalId: string, mobile: string): Promise<boolean>;
}

export const IDENTITY_MATCH = Symbol('IdentityMatch');
