import type { Role } from '../roles.js';
import type { OrganisationKind } from './organisation.events.js';

/** The kind of organisation a person must belong to to hold each organisation role. */
export const ORGANISATION_KIND_OF_ROLE: Readonly<Partial<Record<Role, OrganisationKind>>> = {
  notary: 'notary_office',
  bank: 'bank',
  utility: 'utility',
  counter_office: 'counter_office',
  engineer: 'engineering_org',
  integrator: 'integrator',
};

/** The role an organisation's API keys act in; engineers sign their designs themselves, so none there. */
export const API_KEY_ROLE_OF_KIND: Readonly<Partial<Record<OrganisationKind, Role>>> = {
  notary_office: 'notary',
  bank: 'bank',
  utility: 'utility',
  counter_office: 'counter_office',
  integrator: 'integrator',
};
