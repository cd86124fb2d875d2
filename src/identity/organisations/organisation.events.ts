export const ORGANISATION_KINDS = [
  'notary_office',
  'bank',
  'utility',
  'counter_office',
  'engineering_org',
  'integrator',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * An organisation whose people or machines act in Daftar: a notary office (دفتر اسناد رسمی), a bank,
 * a utility, a counter office (دفتر پیشخوان), the engineering organisation (نظام مهندسی), an integrator.
 */
export type OrganisationEvent =
  | {
      readonly type: 'OrganisationRegistered';
      readonly data: {
        readonly id: string;
        readonly kind: OrganisationKind;
        readonly name: string;
        readonly nameFa?: string;
        /** A notary office's number (شماره دفترخانه), digits kept as written. */
        readonly officeNumber?: string;
        readonly municipality?: string;
      };
    }
  | {
      readonly type: 'OrganisationDeactivated';
      readonly data: { readonly id: string; readonly reason: string };
    };

export const ORGANISATION_EVENT_TYPES: readonly OrganisationEvent['type'][] = [
  'OrganisationRegistered',
  'OrganisationDeactivated',
];

/** Chosen by the admin, readable: `notary-12-hamedan`. */
export const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;
export const OFFICE_NUMBER = /^[1-9][0-9]{0,5}$/;
export const organisationStream = (id: string) => `organisation-${id}`;
