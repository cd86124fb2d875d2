import { createHash } from 'node:crypto';
import { isValidIranianNationalId } from '../../src/identity/national-id.js';
import { applicantDerivations, filedByRegisteredCitizen } from './applicant.js';
import { cloneCase, madeIds, seededRandom, type TemplateEvent } from './case-template.js';

const DEMO = '01a23de0-93ae-7308-bc46-7316aa747cae';
const REGISTERED = '01a23de0-c5ff-72be-b798-c86193e1b5d6';
const PERMIT = '01a23de0-a48b-768e-96fe-b47651b7c453';
const MESSAGE = '49cb82d9c7816c643046253939f735d6';
const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);
let events = 0;
const event = (stream: string, type: string, data: object, actor = REGISTERED): TemplateEvent => ({
  id: `01a23de0-0000-7000-8000-${String((events += 1)).padStart(12, '0')}`,
  stream,
  type,
  data: JSON.stringify(data),
  metadata: JSON.stringify({ actor: { id: actor, role: 'citizen' }, recordedAt: '2026-12-03T21:47:42.000Z' }),
});
const seed = [
  event('user-' + DEMO, 'UserCreated', {
    userId: DEMO,
    username: 'citizen',
    nationalId: '0013542419',
    mobile: '09120000001',
    displayName: 'Zahra Ahmadi',
  }),
  event('parcel-hamedan-1-1-1-1-0-0-0', 'ParcelRegistered', {
    owners: [{ nationalId: '0013542419', name: 'زهرا احمدی' }],
  }),
];
const recorded = [
  event('username-6406813499', 'UsernameClaimed', { username: '6406813499', userId: REGISTERED }),
  event('user-' + REGISTERED, 'UserCreated', {
    userId: REGISTERED,
    nationalId: '6406813499',
    mobile: '09126813499',
    displayName: 'شهروند تازه',
    origin: 'registration',
  }),
  event(`login-${digest('6406813499')}`, 'LoginSucceeded', { userId: REGISTERED }),
  event(`login-${digest('citizen')}`, 'LoginSucceeded', { userId: DEMO }, DEMO),
  event(
    `permit-${PERMIT}`,
    'PermitDraftOpened',
    { permitId: PERMIT, applicantNationalId: '0013542419', holders: [{ name: 'زهرا احمدی' }] },
    DEMO,
  ),
  event(`notification-${MESSAGE}`, 'NotificationQueued', {
    recipient: { userId: DEMO, masked: '0912***0001' },
    messageId: MESSAGE,
  }),
];
const template = filedByRegisteredCitizen(seed, recorded);
const made = madeIds(template, new Set([DEMO]));
const clone = (seed: number) =>
  cloneCase(template, made, {
    random: seededRandom(seed),
    shiftMs: 0,
    swaps: new Map(),
    derive: applicantDerivations(template),
  });

describe('a file filed by the citizen it registers', () => {
  it('makes the registered citizen the applicant, and drops the demo applicant’s sign-in', () => {
    const text = template.map((e) => `${e.stream} ${e.data} ${e.metadata}`).join('\n');
    expect(text).not.toMatch(/01a23de0-93ae|0013542419|0912\*\*\*0001|زهرا/);
    expect(template.map((e) => e.type)).toEqual([
      'UsernameClaimed',
      'UserCreated',
      'LoginSucceeded',
      'PermitDraftOpened',
      'NotificationQueued',
    ]);
  });

  it('gives every clone its own applicant, consistently across their events', () => {
    const people = [1, 2, 3].map((s) => {
      const [claimed, user, login, opened, notice] = clone(s);
      const { userId, nationalId, mobile } = JSON.parse(user!.data);
      expect(isValidIranianNationalId(nationalId)).toBe(true);
      expect(claimed!.stream).toBe(`username-${nationalId}`);
      expect(login!.stream).toBe(`login-${digest(nationalId)}`);
      expect(JSON.parse(opened!.metadata).actor.id).toBe(userId);
      expect(JSON.parse(opened!.data).applicantNationalId).toBe(nationalId);
      expect(mobile).toBe(`0912${nationalId.slice(3)}`);
      const queued = JSON.parse(notice!.data);
      expect(queued.recipient).toEqual({ userId, masked: `0912***${nationalId.slice(-4)}` });
      expect(notice!.stream).toBe(`notification-${queued.messageId}`);
      return [userId, nationalId, notice!.stream];
    });
    for (const i of [0, 1, 2]) expect(new Set(people.map((p) => p[i])).size).toBe(3);
  });

  it('is the same person for the same seed', () => {
    expect(clone(5)).toEqual(clone(5));
  });
});
