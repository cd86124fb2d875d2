import type { PermitView } from './permits.read-model.js';
import { siteRecordFiles } from './site-record-files.js';

const h = (c: string) => c.repeat(64);

describe('the stored files a permit file’s site records cite', () => {
  it('names the survey’s photos, the engineer’s stage papers and every inspection’s photos', () => {
    const permit = {
      attachments: [{ sha256: h('0') }],
      survey: { photos: [h('1')] },
      inspectionStages: [
        {
          stage: 'foundation',
          engineerReports: [{ attachments: [h('2')] }, {}],
          inspection: { photos: [h('3')], violations: [{ photos: [h('4')] }, {}] },
        },
        { stage: 'roof', engineerReports: [] },
      ],
      inspection: { violations: [{ photos: [h('5')] }] },
    } as unknown as PermitView;
    expect(Object.fromEntries(siteRecordFiles(permit))).toEqual({
      [h('1')]: 'site-photo-111111111111',
      [h('2')]: 'stage-report-222222222222',
      [h('3')]: 'inspection-photo-333333333333',
      [h('4')]: 'inspection-photo-444444444444',
      [h('5')]: 'inspection-photo-555555555555',
    });
  });

  it('names none on a file nobody visited', () => {
    expect(siteRecordFiles({ attachments: [] } as unknown as PermitView).size).toBe(0);
  });
});
