import { INQUIRY_STATUSES } from '../../projections/inquiries/inquiries.projection.js';
import { PERMIT_FILE_STATUSES } from '../permits/permit.state.js';
import { INQUIRY_NEXT_STEPS, PERMIT_NEXT_STEPS, type NextStep } from './next-step.js';

const PERSIAN = /^[\u0600-\u06FF\u200C\s،؛:.()۰-۹]+$/;

function expectWritten(step: NextStep | undefined) {
  expect(step?.fa).toMatch(PERSIAN);
  expect(step?.en).toMatch(/^[A-Z][\x20-\x7E’]+\.$/);
}

describe('the next step of each status (GET /track)', () => {
  it.each(PERMIT_FILE_STATUSES)('is written for a permit file that is %s', (status) => {
    expectWritten(PERMIT_NEXT_STEPS[status]);
  });

  it.each(INQUIRY_STATUSES)('is written for an inquiry that is %s', (status) => {
    expectWritten(INQUIRY_NEXT_STEPS[status]);
  });

  it('names no status the files do not have', () => {
    expect(Object.keys(PERMIT_NEXT_STEPS).sort()).toEqual([...PERMIT_FILE_STATUSES].sort());
    expect(Object.keys(INQUIRY_NEXT_STEPS).sort()).toEqual([...INQUIRY_STATUSES].sort());
  });
});
