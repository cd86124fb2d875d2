import { stoppingPoints } from './case-mix.js';
import { cloneCase, madeIds, seededRandom, type TemplateEvent } from './case-template.js';

const CITIZEN = '01a23de0-93ae-7308-bc46-7316aa747cae';
const PERMIT = '01a23de0-a48b-768e-96fe-b47651b7c453';
const meta = (id: string, role: string, at: string) =>
  JSON.stringify({
    actor: { id, role, municipality: 'hamedan' },
    correlationId: 'c',
    causationId: 'c',
    recordedAt: at,
  });
const template: TemplateEvent[] = [
  {
    id: '01a23de0-0000-7000-8000-000000000001',
    stream: 'tracking-1690686621',
    type: 'TrackingNumberClaimed',
    data: JSON.stringify({
      trackingNumber: '1690686621',
      stream: `permit-${PERMIT}`,
      municipality: 'hamedan',
    }),
    metadata: meta(CITIZEN, 'citizen', '2026-12-03T21:47:42.000Z'),
  },
  {
    id: '01a23de0-0000-7000-8000-000000000002',
    stream: `permit-${PERMIT}`,
    type: 'PermitDraftOpened',
    data: JSON.stringify({ permitId: PERMIT, renewalCode: '1-1-1-1-0-0-0', municipality: 'hamedan' }),
    metadata: meta(CITIZEN, 'citizen', '2026-12-03T21:47:42.100Z'),
  },
  {
    id: '01a23de0-0000-7000-8000-000000000003',
    stream: 'document-52XXXPF7VNZ',
    type: 'DocumentIssued',
    data: JSON.stringify({ code: '52XXXPF7VNZ', subject: { stream: `permit-${PERMIT}` } }),
    metadata: meta('system:permit-documents', 'system', '2026-12-03T21:47:42.200Z'),
  },
];
const made = madeIds(template, new Set([CITIZEN]));
const clone = (seed: number) =>
  cloneCase(template, made, {
    random: seededRandom(seed),
    shiftMs: -86_400_000,
    swaps: new Map([
      ['"hamedan"', '"qazvin"'],
      ['1-1-1-1-0-0-0', '1-2-3-4-0-0-0'],
    ]),
  });

describe('cloneCase', () => {
  it('gives the ids the template made new ones, consistently, and keeps the people it did not make', () => {
    const [tracking, opened, document] = clone(1);
    const permitStream = opened!.stream;
    expect(permitStream).not.toBe(`permit-${PERMIT}`);
    expect(JSON.parse(opened!.data).permitId).toBe(permitStream.slice('permit-'.length));
    expect(JSON.parse(tracking!.data).stream).toBe(permitStream);
    expect(JSON.parse(document!.data).subject.stream).toBe(permitStream);
    expect(document!.stream).toBe(`document-${JSON.parse(document!.data).code}`);
    expect(JSON.parse(opened!.metadata).actor.id).toBe(CITIZEN);
    expect(new Set(clone(1).map((e) => e.id)).size).toBe(3);
    expect(clone(1).map((e) => e.id)).not.toContain(template[0]!.id);
  });

  it('moves the file in time and place', () => {
    const opened = clone(1)[1]!;
    expect(JSON.parse(opened.metadata).recordedAt).toBe('2026-12-02T21:47:42.100Z');
    expect(JSON.parse(opened.data)).toMatchObject({ municipality: 'qazvin', renewalCode: '1-2-3-4-0-0-0' });
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(clone(7)).toEqual(clone(7));
    expect(clone(7)[1]!.stream).not.toBe(clone(8)[1]!.stream);
  });
});

describe('stoppingPoints', () => {
  it('stops files only before a step a person takes on a permit or an inquiry', () => {
    expect(stoppingPoints(template)).toEqual([1]);
  });
});
