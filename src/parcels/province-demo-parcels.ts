import { demoParcels, owner, parcel, type DemoParcel } from './demo-parcels.js';

/** A handful of demo parcels in Qazvin, zones of its demo rule set; 1-1-4-7-0-0-0 owes this year's dues. */
export const qazvinDemoParcels: readonly DemoParcel[] = [
  parcel('1-1-4-7-0-0-0', {
    areaM2: 240,
    streetWidthM: 12,
    zone: 'R2',
    landUse: 'residential',
    owners: [owner('4320157389', 100)],
    existingBuilding: { floors: 2, areaM2: 290 },
    unpaidDuesYears: [1405],
  }),
  parcel('1-2-11-3-0-0-0', {
    areaM2: 310.5,
    streetWidthM: 16,
    zone: 'C1',
    landUse: 'commercial',
    owners: [owner('4321048621', 50), owner('4322705197', 50)],
    existingBuilding: { floors: 1, areaM2: 180 },
    unpaidDuesYears: [],
  }),
  parcel('2-1-8-21-0-0-0', {
    areaM2: 275,
    streetWidthM: 10,
    zone: 'R2',
    landUse: 'residential',
    owners: [owner('4322705197', 100)],
    existingBuilding: null,
    unpaidDuesYears: [],
  }),
  parcel('2-3-15-9-0-0-0', {
    areaM2: 420,
    streetWidthM: 14,
    zone: 'R3',
    landUse: 'residential',
    owners: [owner('4323860471', 60), owner('4320157389', 40)],
    existingBuilding: { floors: 4, areaM2: 800 },
    unpaidDuesYears: [1404],
  }),
  parcel('3-1-2-40-0-0-0', {
    areaM2: 500,
    streetWidthM: 8,
    zone: 'R1',
    landUse: 'residential',
    owners: [owner('4324512930', 100)],
    existingBuilding: { floors: 1, areaM2: 260 },
    unpaidDuesYears: [],
  }),
];

/** A handful of demo parcels in Takestan, zones of its demo rule set. */
export const takestanDemoParcels: readonly DemoParcel[] = [
  parcel('1-1-3-12-0-0-0', {
    areaM2: 260,
    streetWidthM: 12,
    zone: 'R2',
    landUse: 'residential',
    owners: [owner('4325193847', 100)],
    existingBuilding: { floors: 1, areaM2: 150 },
    unpaidDuesYears: [],
  }),
  parcel('1-2-6-30-0-0-0', {
    areaM2: 330,
    streetWidthM: 20,
    zone: 'M',
    landUse: 'commercial',
    owners: [owner('4326071524', 100)],
    existingBuilding: null,
    unpaidDuesYears: [],
  }),
  parcel('2-1-9-4-0-0-0', {
    areaM2: 450,
    streetWidthM: 8,
    zone: 'R1',
    landUse: 'residential',
    owners: [owner('4327486094', 50), owner('4325193847', 50)],
    existingBuilding: { floors: 2, areaM2: 420 },
    unpaidDuesYears: [1405],
  }),
  parcel('2-2-14-18-0-0-0', {
    areaM2: 198.4,
    streetWidthM: 10,
    zone: 'R2',
    landUse: 'residential',
    owners: [owner('4324512930', 100)],
    existingBuilding: { floors: 2, areaM2: 260 },
    unpaidDuesYears: [],
  }),
];

/** Every demo city's parcels, by the municipality they are registered in. */
export const demoParcelSets: readonly {
  readonly municipality: string;
  readonly parcels: readonly DemoParcel[];
}[] = [
  { municipality: 'hamedan', parcels: demoParcels },
  { municipality: 'qazvin', parcels: qazvinDemoParcels },
  { municipality: 'takestan', parcels: takestanDemoParcels },
];
