import { claimAt, grantsFromClaims, principalFromClaims, type OidcClaimMapping } from './oidc-claims.js';

const mapping: OidcClaimMapping = {
  rolesClaim: 'roles',
  municipalityClaim: 'municipality',
  organisationClaim: 'organisation',
  feedClaim: 'daftar_feed',
  nationalIdClaim: 'national_id',
  roleMap: { 'municipal-clerk': 'clerk', 'notary-office': 'notary', 'it-staff': 'admin' },
};

describe('OpenID Connect claims to a principal', () => {
  it('maps external roles, lets Daftar role names through and ignores unknown ones', () => {
    expect(
      grantsFromClaims(
        { roles: ['municipal-clerk', 'surveyor', 'coffee-maker'], municipality: 'hamedan' },
        mapping,
      ),
    ).toEqual([
      { role: 'clerk', municipality: 'hamedan' },
      { role: 'surveyor', municipality: 'hamedan' },
    ]);
  });

  it('scopes each role the way it needs: staff by municipality, organisations by organisation, others not at all', () => {
    expect(
      grantsFromClaims(
        {
          roles: ['municipal-clerk', 'notary-office', 'citizen', 'it-staff'],
          municipality: 'hamedan',
          organisation: 'notary-12',
        },
        mapping,
      ),
    ).toEqual([
      { role: 'clerk', municipality: 'hamedan' },
      { role: 'notary', organisation: 'notary-12' },
      { role: 'citizen' },
      { role: 'admin' },
    ]);
  });

  it('drops grants that lack the scope their role needs', () => {
    expect(grantsFromClaims({ roles: ['municipal-clerk', 'notary-office', 'citizen'] }, mapping)).toEqual([
      { role: 'citizen' },
    ]);
    expect(grantsFromClaims({ roles: ['clerk'], municipality: 42 }, mapping)).toEqual([]);
  });

  it('scopes each role by the name it carries after @, once each', () => {
    expect(
      grantsFromClaims(
        {
          roles: ['municipal-clerk@hamedan', 'signatory@malayer', 'notary-office@notary-12', 'clerk@hamedan'],
        },
        mapping,
      ),
    ).toEqual([
      { role: 'clerk', municipality: 'hamedan' },
      { role: 'signatory', municipality: 'malayer' },
      { role: 'notary', organisation: 'notary-12' },
    ]);
  });

  it('never pairs a role with a municipality of another claim: a clerk here and a signatory elsewhere signs only there', () => {
    expect(
      grantsFromClaims(
        { roles: ['clerk@hamedan', 'signatory'], municipality: ['hamedan', 'malayer'] },
        mapping,
      ),
    ).toEqual([{ role: 'clerk', municipality: 'hamedan' }]);
    expect(
      grantsFromClaims(
        { roles: ['clerk', 'notary-office'], organisation: ['notary-12', 'notary-13'] },
        mapping,
      ),
    ).toEqual([]);
  });

  it('drops a scope on a role that takes none, an empty scope, and a role a scope cannot name', () => {
    expect(
      grantsFromClaims({ roles: ['citizen@hamedan', 'clerk@', '@hamedan', 'coffee-maker@hamedan'] }, mapping),
    ).toEqual([]);
  });

  it('accepts a single role as a string, and treats a missing or malformed roles claim as no roles', () => {
    expect(grantsFromClaims({ roles: 'citizen' }, mapping)).toEqual([{ role: 'citizen' }]);
    expect(grantsFromClaims({}, mapping)).toEqual([]);
    expect(grantsFromClaims({ roles: { clerk: true } }, mapping)).toEqual([]);
    expect(grantsFromClaims({ roles: [1, null, 'citizen'] }, mapping)).toEqual([{ role: 'citizen' }]);
  });

  it('gives an integrator the feed scope its token carries, and drops it for a malformed scope', () => {
    const claims = { roles: ['integrator@registry-integrator'] };
    const feed = { municipalities: ['hamedan'], pii: ['parcel'] };
    expect(grantsFromClaims({ ...claims, daftar_feed: feed }, mapping)).toEqual([
      { role: 'integrator', organisation: 'registry-integrator', feed },
    ]);
    expect(grantsFromClaims(claims, mapping)).toEqual([
      { role: 'integrator', organisation: 'registry-integrator' },
    ]);
    expect(grantsFromClaims({ ...claims, daftar_feed: { pii: 'all' } }, mapping)).toEqual([]);
    expect(grantsFromClaims({ roles: ['clerk@hamedan'], daftar_feed: feed }, mapping)).toEqual([
      { role: 'clerk', municipality: 'hamedan' },
    ]);
  });

  it('does not take inherited property names for mapped roles', () => {
    expect(grantsFromClaims({ roles: ['constructor', 'toString', '__proto__'] }, mapping)).toEqual([]);
  });

  it('reads dotted paths, and prefers a claim whose name itself contains dots', () => {
    const claims = {
      realm_access: { roles: ['municipal-clerk'] },
      'https://daftar.example/municipality': 'hamedan',
    };
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['municipal-clerk']);
    expect(claimAt(claims, 'realm_access.missing.deeper')).toBeUndefined();
    expect(claimAt(claims, 'https://daftar.example/municipality')).toBe('hamedan');
    expect(
      grantsFromClaims(claims, {
        ...mapping,
        rolesClaim: 'realm_access.roles',
        municipalityClaim: 'https://daftar.example/municipality',
      }),
    ).toEqual([{ role: 'clerk', municipality: 'hamedan' }]);
  });

  it('names the principal from name, else preferred_username, else the subject', () => {
    const base = { sub: 'f3a9', roles: ['citizen'] };
    expect(
      principalFromClaims({ ...base, name: 'مریم رضایی', preferred_username: 'maryam' }, mapping),
    ).toEqual({
      kind: 'user',
      id: 'oidc:f3a9',
      displayName: 'مریم رضایی',
      username: 'maryam',
      grants: [{ role: 'citizen' }],
      authenticatedBy: 'oidc',
    });
    expect(principalFromClaims({ ...base, preferred_username: 'maryam' }, mapping).displayName).toBe(
      'maryam',
    );
    const bare = principalFromClaims({ sub: 'f3a9' }, mapping);
    expect(bare).toEqual({
      kind: 'user',
      id: 'oidc:f3a9',
      displayName: 'f3a9',
      grants: [],
      authenticatedBy: 'oidc',
    });
    expect(bare).not.toHaveProperty('username');
  });

  it('makes a citizen of a person whose national id the single sign-on proved, without an SMS code', () => {
    const proven = principalFromClaims(
      { sub: 'n1', national_id: '۰۰۱۳۵۴۲۴۱۹', roles: ['clerk@hamedan'] },
      mapping,
    );
    expect(proven.nationalId).toBe('0013542419');
    expect(proven.grants).toEqual([{ role: 'clerk', municipality: 'hamedan' }, { role: 'citizen' }]);
    const unconfigured = principalFromClaims(
      { sub: 'n1', national_id: '0013542419' },
      { ...mapping, nationalIdClaim: undefined },
    );
    expect(unconfigured).not.toHaveProperty('nationalId');
    expect(unconfigured.grants).toEqual([]);
    const invalid = principalFromClaims({ sub: 'n2', national_id: '0013542418' }, mapping);
    expect(invalid).not.toHaveProperty('nationalId');
    expect(invalid.grants).toEqual([]);
  });
});
