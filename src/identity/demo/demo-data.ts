import type { Grant, Role } from '../roles.js';

/** Every demo user's password; listed in the README. Demo data never exists in production. */
export const DEMO_PASSWORD = 'daftar-demo';
export const DEMO_MUNICIPALITY = 'hamedan';

export const demoMunicipality = {
  code: DEMO_MUNICIPALITY,
  name: 'Hamedan',
  nameFa: 'همدان',
  province: 'hamedan',
  regions: [
    { code: '1', name: 'Region 1 (منطقه ۱)' },
    { code: '2', name: 'Region 2 (منطقه ۲)' },
    { code: '3', name: 'Region 3 (منطقه ۳)' },
    { code: '4', name: 'Region 4 (منطقه ۴)' },
  ],
} as const;

export const demoOrganisations = [
  {
    id: 'notary-office-12',
    kind: 'notary_office',
    name: 'Notary Office No. 12, Hamedan',
    nameFa: 'دفتر اسناد رسمی شماره ۱۲ همدان',
    officeNumber: '12',
    municipality: DEMO_MUNICIPALITY,
  },
  {
    id: 'bank-melli-hamedan',
    kind: 'bank',
    name: 'Bank Melli, Hamedan central branch',
    nameFa: 'بانک ملی شعبه مرکزی همدان',
    municipality: DEMO_MUNICIPALITY,
  },
  {
    id: 'water-hamedan',
    kind: 'utility',
    name: 'Hamedan Water and Wastewater Company',
    nameFa: 'شرکت آب و فاضلاب همدان',
    municipality: DEMO_MUNICIPALITY,
  },
  {
    id: 'counter-office-3',
    kind: 'counter_office',
    name: 'Counter Office No. 3 (دفتر پیشخوان)',
    nameFa: 'دفتر پیشخوان شماره ۳',
    municipality: DEMO_MUNICIPALITY,
  },
  {
    id: 'engineering-org-hamedan',
    kind: 'engineering_org',
    name: 'Hamedan Construction Engineering Organisation',
    nameFa: 'سازمان نظام مهندسی ساختمان همدان',
    municipality: DEMO_MUNICIPALITY,
  },
  {
    id: 'registry-integrator',
    kind: 'integrator',
    name: 'Property Registry integration',
    nameFa: 'سامانه ثبت',
    municipality: DEMO_MUNICIPALITY,
  },
] as const;

const organisationOf: Partial<Record<Role, string>> = {
  notary: 'notary-office-12',
  bank: 'bank-melli-hamedan',
  utility: 'water-hamedan',
  counter_office: 'counter-office-3',
  engineer: 'engineering-org-hamedan',
  integrator: 'registry-integrator',
};

const staff = (role: Role): Grant => ({ role, municipality: DEMO_MUNICIPALITY });
const member = (role: Role): Grant => ({ role, organisation: organisationOf[role]! });

/** One demo user per role; the username is the role's name. */
export const demoUsers: readonly {
  username: Role;
  displayName: string;
  grants: readonly Grant[];
  nationalId?: string;
  mobile?: string;
}[] = [
  {
    username: 'citizen',
    displayName: 'Zahra Ahmadi (زهرا احمدی)',
    grants: [{ role: 'citizen' }],
    nationalId: '0013542419',
    mobile: '09120000001',
  },
  { username: 'counter_office', displayName: 'Counter office operator', grants: [member('counter_office')] },
  { username: 'clerk', displayName: 'Reza Karimi, clerk (کارشناس)', grants: [staff('clerk')] },
  { username: 'surveyor', displayName: 'Surveyor (نقشه‌بردار)', grants: [staff('surveyor')] },
  { username: 'inspector', displayName: 'Building inspector (بازرس ساختمان)', grants: [staff('inspector')] },
  { username: 'engineer', displayName: 'Engineer (نظام مهندسی)', grants: [member('engineer')] },
  { username: 'signatory', displayName: 'Head of urban planning (امضاکننده)', grants: [staff('signatory')] },
  { username: 'cashier', displayName: 'Cashier (صندوق‌دار)', grants: [staff('cashier')] },
  { username: 'notary', displayName: 'Notary, office 12 (سردفتر)', grants: [member('notary')] },
  { username: 'bank', displayName: 'Bank officer', grants: [member('bank')] },
  { username: 'utility', displayName: 'Water company officer', grants: [member('utility')] },
  { username: 'oversight', displayName: 'Oversight manager (بازرس)', grants: [staff('oversight')] },
  { username: 'admin', displayName: 'Administrator', grants: [{ role: 'admin' }] },
  { username: 'integrator', displayName: 'Registry integration', grants: [member('integrator')] },
];
