import type { Actor } from '../../src/event-store/event-envelope.js';
import { filed as inquiryFiled } from '../../src/inquiries/inquiry.fixtures.js';
import { events, permitId } from '../../src/permits/permit.fixtures.js';
import { counterOfficeActor } from '../../test/support/actors.js';
import { counterOfficeFilesProjection as projection } from './counter-office-files.projection.js';

const office = counterOfficeActor;
const citizen: Actor = { id: 'user-citizen', role: 'citizen' };
const at = (hour: number) => `2026-12-01T${String(hour).padStart(2, '0')}:00:00.000Z`;

type Handled = Parameters<typeof projection.evolve>[1];

function recorded(
  event: { type: string; data: unknown },
  stream: string,
  actor: Actor,
  hour: number,
): Handled {
  const metadata = { actor, correlationId: 'c', causationId: 'r', recordedAt: at(hour), schemaVersion: 1 };
  return { ...event, id: `e-${hour}`, stream, revision: 0n, position: String(hour), metadata } as Handled;
}

const fold = (list: readonly Handled[]) =>
  list.reduce<Record<string, unknown>>((docs, event) => {
    const id = projection.documentId(event);
    if (id === null) return docs;
    return { ...docs, [id]: projection.evolve((docs[id] as never) ?? null, event) };
  }, {});

describe('counter office files projection', () => {
  const permitStream = `permit-${permitId}`;

  it('keeps one row per office and record, from the first to the last thing the office did', () => {
    const docs = fold([
      recorded(events.opened, permitStream, office, 9),
      recorded(events.submitted, permitStream, { ...office, consent: 'consent-2' }, 10),
    ]);
    expect(docs).toEqual({
      [`counter-office-3/${permitStream}`]: {
        id: `counter-office-3/${permitStream}`,
        office: 'counter-office-3',
        kind: 'permit',
        recordId: permitId,
        citizenNationalId: '0013542419',
        consent: 'consent-2',
        firstActedAt: at(9),
        lastActedAt: at(10),
        lastEventType: 'PermitSubmitted',
      },
    });
  });

  it('lists an inquiry filed for the citizen as the office’s', () => {
    const inquiryId = (inquiryFiled.data as { inquiryId: string }).inquiryId;
    const docs = fold([recorded(inquiryFiled, `inquiry-${inquiryId}`, office, 9)]);
    expect(Object.values(docs)).toEqual([
      expect.objectContaining({ kind: 'inquiry', recordId: inquiryId, office: 'counter-office-3' }),
    ]);
  });

  it('ignores what others do, and an office that acts for nobody', () => {
    const { onBehalfOf: _, ...unnamed } = office;
    expect(
      fold([
        recorded(events.opened, permitStream, citizen, 9),
        recorded(events.submitted, permitStream, unnamed, 10),
        recorded(events.opened, 'payment-1', office, 11),
      ]),
    ).toEqual({});
  });
});
