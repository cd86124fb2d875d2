import { given } from '../../../test/support/given.js';
import { organisationDecider } from './organisation.decider.js';
import type { OrganisationEvent } from './organisation.events.js';

const notary = {
  id: 'notary-12-hamedan',
  kind: 'notary_office',
  name: 'Notary 12',
  officeNumber: '12',
} as const;
const registered: OrganisationEvent = { type: 'OrganisationRegistered', data: notary };
const deactivate = { type: 'DeactivateOrganisation', data: { id: notary.id, reason: 'closed' } } as const;

describe('organisation decider', () => {
  it('registers an organisation', () => {
    expect(given(organisationDecider).when({ type: 'RegisterOrganisation', data: notary })).toEqual([
      registered,
    ]);
  });

  it('needs the office number of a notary office, and of no other kind', () => {
    const { officeNumber: _, ...withoutNumber } = notary;
    expect(
      given(organisationDecider).when({ type: 'RegisterOrganisation', data: withoutNumber }),
    ).toMatchObject({
      code: 'ORGANISATION.OFFICE_NUMBER_REQUIRED',
      kind: 'invalid',
    });
    const bank = { id: 'bank-melli', kind: 'bank', name: 'Bank Melli' } as const;
    expect(given(organisationDecider).when({ type: 'RegisterOrganisation', data: bank })).toEqual([
      { type: 'OrganisationRegistered', data: bank },
    ]);
  });

  it('refuses to register an id twice', () => {
    expect(
      given(organisationDecider, registered).when({ type: 'RegisterOrganisation', data: notary }),
    ).toMatchObject({
      code: 'ORGANISATION.ALREADY_EXISTS',
      kind: 'conflict',
    });
  });

  it('deactivates once; again changes nothing', () => {
    const deactivated: OrganisationEvent = { type: 'OrganisationDeactivated', data: deactivate.data };
    expect(given(organisationDecider, registered).when(deactivate)).toEqual([deactivated]);
    expect(given(organisationDecider, registered, deactivated).when(deactivate)).toEqual([]);
  });

  it('refuses to deactivate an unknown organisation', () => {
    expect(given(organisationDecider).when(deactivate)).toMatchObject({ code: 'ORGANISATION.NOT_FOUND' });
  });
});
