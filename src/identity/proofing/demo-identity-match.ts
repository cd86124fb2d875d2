import type { IdentityMatch } from './identity-match.port.js';

/**
 * Demo mode's registry: a demo owner's national id matches only the demo mobile listed for them in the
 * README; any other valid national id matches any mobile.
 */
export class DemoIdentityMatch implements IdentityMatch {
  readonly kind = 'demo';
  private readonly mobiles: ReadonlyMap<string, string>;

  constructor(demoOwners: readonly { readonly nationalId: string; readonly mobile: string }[]) {
    this.mobiles = new Map(demoOwners.map((o) => [o.nationalId, o.mobile]));
  }

  matches(nationalId: string, mobile: string): Promise<boolean> {
    const registered = this.mobiles.get(nationalId);
    return Promise.resolve(registered === undefined || registered === mobile);
  }
}
