import type { Grant, Role } from '../roles.js';

/** The demo's second province (استان قزوین): its two cities, each with its own staff, rule set and parcels. */
export const DEMO_PROVINCE = 'qazvin';

export const provinceDemoMunicipalities = [
  {
    code: 'qazvin',
    name: 'Qazvin',
    nameFa: 'قزوین',
    province: DEMO_PROVINCE,
    regions: [
      { code: '1', name: 'Region 1 (منطقه ۱)' },
      { code: '2', name: 'Region 2 (منطقه ۲)' },
      { code: '3', name: 'Region 3 (منطقه ۳)' },
    ],
  },
  {
    code: 'takestan',
    name: 'Takestan',
    nameFa: 'تاکستان',
    province: DEMO_PROVINCE,
    regions: [
      { code: '1', name: 'Region 1 (منطقه ۱)' },
      { code: '2', name: 'Region 2 (منطقه ۲)' },
    ],
  },
] as const;

const STAFF: readonly { role: Role; title: string }[] = [
  { role: 'clerk', title: 'clerk (کارشناس)' },
  { role: 'surveyor', title: 'surveyor (نقشه‌بردار)' },
  { role: 'inspector', title: 'building inspector (بازرس ساختمان)' },
  { role: 'signatory', title: 'head of urban planning (امضاکننده)' },
  { role: 'cashier', title: 'cashier (صندوق‌دار)' },
];

/**
 * The staff of each city of the province (`clerk_qazvin`, `cashier_takestan`, …); the province's
 * oversight manager, who audits both of its cities; and one who audits both demo provinces, Hamedan's
 * and Qazvin's. Oversight has no national scope: the widest grant is a province, held once per province.
 */
export const provinceDemoUsers: readonly {
  username: string;
  displayName: string;
  grants: readonly Grant[];
}[] = [
  ...provinceDemoMunicipalities.flatMap((city) =>
    STAFF.map(({ role, title }) => ({
      username: `${role}_${city.code}`,
      displayName: `${city.name} ${title}`,
      grants: [{ role, municipality: city.code }],
    })),
  ),
  {
    username: `oversight_${DEMO_PROVINCE}`,
    displayName: 'Oversight manager of Qazvin province (ناظر استان قزوین)',
    grants: [{ role: 'oversight', province: DEMO_PROVINCE }],
  },
  {
    username: 'oversight_provinces',
    displayName: 'Oversight manager of Hamedan and Qazvin provinces (ناظر استانی)',
    grants: [
      { role: 'oversight', province: 'hamedan' },
      { role: 'oversight', province: DEMO_PROVINCE },
    ],
  },
];
