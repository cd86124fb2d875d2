import type { AccessedWhat } from '../audit.events.js';

/** The purpose recorded when the reader names none (`Daftar-Purpose`): the use the endpoint serves. */
export const DEFAULT_PURPOSES: { readonly [what in AccessedWhat]: string } = {
  permit_file: 'permit file review',
  permit_attachment: 'permit file review',
  document_content: 'document processing',
  inquiry: 'inquiry processing',
  parcel_owners: 'parcel lookup',
  parcel_debts: 'parcel debts lookup',
  citizen_profile: 'user administration',
  permit_summary: 'worklist',
  payment: 'payment processing',
  file_status: 'tracking a file by its number',
};
