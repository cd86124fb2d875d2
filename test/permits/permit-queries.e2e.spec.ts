import { CommandBus } from '@nestjs/cqrs';
import { IssueDocumentCommand } from '../../src/documents/issue-document/issue-document.command.js';
import type { Actor } from '../../src/event-store/event-envelope.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import type { Grant } from '../../src/identity/roles.js';
import { permitStream, type PermitEvent } from '../../src/permits/permit.events.js';
import { attached, documents, events as e } from '../../src/permits/permit.fixtures.js';
import { demoRuleSet } from '../../src/rule-sets/demo-rule-set.js';
import { newId } from '../../src/shared/ids.js';
import { bootstrapAdmin, signedInUser } from '../support/bootstrap-admin.js';
import { consentFor, registeredCitizen } from '../support/citizens.js';
import { hamedan, registerAll } from '../support/directory.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp, untilProjected } from '../support/test-app.js';

const OWNER = '0013542419';
const OTHER = '0499370899';
const LONG_AGO = Date.parse('2020-01-05T06:00:00.000Z');

type Seeded = { readonly id: string; readonly events: readonly PermitEvent[] };

describe('permit files: the file, the worklists and the timeline', () => {
  let t: TestApp;
  let owner: string;
  let other: string;
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  const files: Record<string, string> = {};

  const get = (url: string, who?: string, headers: Record<string, string> = {}) =>
    call(t.app, 'GET', url, { ...(who ? { token: who } : {}), headers });
  const ids = (res: { json: () => { items: { permitId: string }[] } }) =>
    res
      .json()
      .items.map((i) => i.permitId)
      .sort();
  const idsOf = (...names: string[]) => names.map((n) => files[n]!).sort();

  /** Who records each kind of event: the counter office for the applicant, staff, the engineer, Daftar. */
  function actorFor(event: PermitEvent, applicant: string): Actor {
    switch (event.type) {
      case 'PermitDraftOpened':
      case 'PermitDocumentAttached':
      case 'PermitSubmitted':
      case 'EngineerNominated':
        return {
          id: userId['counter']!,
          role: 'counter_office',
          office: 'counter-office-9',
          onBehalfOf: applicant,
        };
      case 'SiteVisitReported':
        return { id: userId['surveyor']!, role: 'surveyor', municipality: 'hamedan' };
      case 'DesignSubmitted':
        return { id: userId['engineer']!, role: 'engineer', office: 'engineers-hamedan' };
      case 'FeesAssessed':
        return { id: 'system:fees', role: 'system' };
      case 'PermitPaymentRecorded':
        return { id: userId['cashier']!, role: 'cashier', municipality: 'hamedan' };
      default:
        return { id: userId['clerk']!, role: 'clerk', municipality: 'hamedan' };
    }
  }

  /** Appends a file's events an hour apart from `startMs`, and waits until the read models hold them. */
  async function seed(
    name: string,
    steps: readonly PermitEvent[],
    opened: Partial<typeof e.opened.data>,
    startMs = Date.now() - steps.length * 3_600_000,
  ): Promise<Seeded> {
    const id = newId();
    const applicant = opened.applicantNationalId ?? OWNER;
    const events = steps.map((step) => {
      const data = { ...step.data, permitId: id, ...(step.type === 'PermitDraftOpened' ? opened : {}) };
      return { ...step, data } as PermitEvent;
    });
    const { position } = await t.app.get<EventStore>(EVENT_STORE).append(
      permitStream(id),
      events.map((event, i) => ({
        id: newId(),
        ...event,
        metadata: {
          actor: actorFor(event, applicant),
          correlationId: `seed-${name}`,
          causationId: `seed-${name}`,
          recordedAt: new Date(startMs + i * 3_600_000).toISOString(),
          schemaVersion: 1,
        },
      })),
      { expectedRevision: 'no_stream' },
    );
    expect(await untilProjected(t.app, position)).toBe(true);
    files[name] = id;
    return { id, events };
  }

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await bootstrapAdmin(t.app);
    await registerAll(t.app, admin, {
      municipalities: [hamedan, { code: 'tehran', name: 'Tehran', nameFa: 'تهران', regions: [] }],
      organisations: [
        { id: 'counter-office-9', kind: 'counter_office', name: 'Counter office 9' },
        { id: 'engineers-hamedan', kind: 'engineering_org', name: 'Hamedan engineers' },
        { id: 'engineers-malayer', kind: 'engineering_org', name: 'Malayer engineers' },
        { id: 'engineers-tuyserkan', kind: 'engineering_org', name: 'Tuyserkan engineers' },
      ],
    });
    const ruleSet = await call(t.app, 'POST', '/rule-sets/hamedan', {
      token: admin,
      body: { ...demoRuleSet, effectiveFrom: '2020-01-01' },
    });
    expect(ruleSet.statusCode).toBe(201);
    owner = await registeredCitizen(t.app, OWNER, 'زهرا احمدی');
    other = await registeredCitizen(t.app, OTHER);
    const users: Record<string, Grant[]> = {
      clerk: [{ role: 'clerk', municipality: 'hamedan' }],
      clerkOfRegion2: [{ role: 'clerk', municipality: 'hamedan', regions: ['2'] }],
      clerkOfTehran: [{ role: 'clerk', municipality: 'tehran' }],
      surveyor: [{ role: 'surveyor', municipality: 'hamedan' }],
      otherSurveyor: [{ role: 'surveyor', municipality: 'hamedan' }],
      signatory: [{ role: 'signatory', municipality: 'hamedan' }],
      cashier: [{ role: 'cashier', municipality: 'hamedan' }],
      oversight: [{ role: 'oversight', municipality: 'hamedan' }],
      counter: [{ role: 'counter_office', organisation: 'counter-office-9' }],
      engineer: [{ role: 'engineer', organisation: 'engineers-hamedan' }],
      otherEngineer: [{ role: 'engineer', organisation: 'engineers-hamedan' }],
      strangerEngineer: [{ role: 'engineer', organisation: 'engineers-malayer' }],
      designer: [{ role: 'engineer', organisation: 'engineers-tuyserkan' }],
      designerColleague: [{ role: 'engineer', organisation: 'engineers-tuyserkan' }],
    };
    for (const [name, grants] of Object.entries(users)) {
      const username = name.replace(/[A-Z0-9]+/g, (part) => `-${part.toLowerCase()}`);
      const user = await signedInUser(t.app, username, grants);
      token[name] = user.token;
      userId[name] = user.userId;
    }
    // The counter office acts for both citizens, each under their consent.
    for (const nationalId of [OWNER, OTHER]) await consentFor(t.app, token['counter']!, nationalId);

    const surveyorId = userId['surveyor']!;
    const engineerId = userId['engineer']!;
    const draft = [e.opened, ...documents.map(attached)];
    const underReview = [
      ...draft,
      e.submitted,
      { ...e.taken, data: { ...e.taken.data, clerkId: userId['clerk']! } },
    ];
    const surveying = [
      ...underReview,
      { ...e.surveyorAssigned, data: { ...e.surveyorAssigned.data, surveyorId } },
    ];
    const awaitingDesign = [
      ...surveying,
      { ...e.siteVisitReported, data: { ...e.siteVisitReported.data, surveyorId } },
      e.mapOrderIssued,
    ];
    const designed = { ...e.designSubmitted, data: { ...e.designSubmitted.data, engineerId } };
    const nominated: PermitEvent = {
      type: 'EngineerNominated',
      data: { permitId: '', nominee: { organisation: 'engineers-hamedan', engineerId } },
    };
    const paid = [...awaitingDesign, designed, e.designApproved, e.feesAssessed, e.feesPaid];

    await seed('draft', draft, {});
    await seed('submittedLongAgo', [...draft, e.submitted], {}, LONG_AGO);
    await seed('surveying', surveying, {});
    await seed('awaitingDesign', [...awaitingDesign, nominated], {
      applicantNationalId: OTHER,
      renewalCode: '2-1-1-1-0-0-0',
    });
    const { id: paidId, events: paidEvents } = await seed('paid', paid, {});
    await seed('tehran', [...draft, e.submitted], { municipality: 'tehran', applicantNationalId: OTHER });

    // The map order's signed document, issued for the paid file.
    const mapOrderEvent = paidEvents.findIndex((event) => event.type === 'MapOrderIssued');
    const stream = await t.app.get<EventStore>(EVENT_STORE).readStream(permitStream(paidId));
    await t.app.get(CommandBus).execute(
      new IssueDocumentCommand(
        {
          kind: 'MapOrder',
          municipality: 'hamedan',
          renewalCode: '1-1-1-1-0-0-0',
          holders: [{ nationalId: OWNER, name: 'زهرا احمدی' }],
          body: { permitId: paidId, maxFloors: 3, allowedUses: ['residential'] },
          subject: { stream: permitStream(paidId), eventId: stream[mapOrderEvent]!.id },
        },
        {
          actor: { id: userId['clerk']!, role: 'clerk', municipality: 'hamedan' },
          correlationId: 'test',
          causationId: 'test',
          now: new Date().toISOString(),
        },
      ),
    );
    const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    expect(await untilProjected(t.app, head!)).toBe(true);
  });
  afterAll(() => t.close());

  describe('GET /permits/:id', () => {
    it('shows the applicant, and a counter office acting for them, the whole file', async () => {
      const res = await get(`/permits/${files['paid']}`, owner);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        permitId: files['paid'],
        municipality: 'hamedan',
        region: '1',
        status: 'paid',
        applicantNationalId: OWNER,
        clerkId: userId['clerk'],
        surveyorId: userId['surveyor'],
        design: { engineerId: userId['engineer'], violations: [] },
        fees: { total: e.feesAssessed.data.total, paid: e.feesAssessed.data.total, outstanding: 0 },
        documents: { mapOrder: expect.any(String) },
        timeInStates: { draft: 4 * 3_600_000, fees_assessed: 3_600_000 },
      });
      const atCounter = await get(`/permits/${files['paid']}`, token['counter'], { 'X-On-Behalf-Of': OWNER });
      expect(atCounter.statusCode).toBe(200);
    });

    it('shows the municipality’s staff, within their regions, and nobody else', async () => {
      const url = `/permits/${files['paid']}`;
      const status = async (who?: string, headers?: Record<string, string>) =>
        (await get(url, who, headers)).statusCode;
      expect(await status(token['clerk'])).toBe(200);
      expect(await status(token['oversight'])).toBe(200);
      expect(await status(token['otherSurveyor'])).toBe(200);
      expect(await status(other)).toBe(404);
      expect(await status(token['clerkOfTehran'])).toBe(404);
      expect(await status(token['clerkOfRegion2'])).toBe(404);
      expect(await status(token['counter'], { 'X-On-Behalf-Of': OTHER })).toBe(404);
      expect(await status(token['counter'])).toBe(404);
      expect(await status()).toBe(401);
      const missing = await get(`/permits/${newId()}`, token['clerk']);
      const hidden = await get(url, other);
      expect(missing.json().code).toBe('PERMIT.NOT_FOUND');
      expect(hidden.json().code).toBe('PERMIT.NOT_FOUND');
    });

    it('shows an engineer the files their office is nominated for, and those they designed before', async () => {
      expect((await get(`/permits/${files['awaitingDesign']}`, token['otherEngineer'])).statusCode).toBe(200);
      expect((await get(`/permits/${files['awaitingDesign']}`, token['strangerEngineer'])).statusCode).toBe(
        404,
      );
      expect((await get(`/permits/${files['paid']}`, token['engineer'])).statusCode).toBe(200);
      expect((await get(`/permits/${files['paid']}`, token['otherEngineer'])).statusCode).toBe(404);
      expect((await get(`/permits/${files['surveying']}`, token['engineer'])).statusCode).toBe(404);
    });

    it('keeps the applicant’s identity, papers, payments and history from engineers', async () => {
      const seen = (await get(`/permits/${files['awaitingDesign']}`, token['otherEngineer'])).json();
      expect(seen.applicantNationalId).toMatch(/^\*{8}\d{2}$/);
      expect(seen.attachments).toEqual([]);
      expect(seen.mapOrder).toBeDefined();
      expect(
        (await get(`/permits/${files['awaitingDesign']}/timeline`, token['otherEngineer'])).statusCode,
      ).toBe(404);
      expect(
        (await get(`/permits/${files['awaitingDesign']}`, token['clerk'])).json().applicantNationalId,
      ).toMatch(/^\d{10}$/);
    });
  });

  describe('GET /permits', () => {
    it('gives each role its own worklist by default', async () => {
      const worklist = async (who: string, headers?: Record<string, string>) => {
        const res = await get('/permits', who, headers);
        expect(res.statusCode).toBe(200);
        return ids(res);
      };
      expect(await worklist(token['clerk']!)).toEqual(idsOf('submittedLongAgo'));
      expect(await worklist(token['clerkOfTehran']!)).toEqual(idsOf('tehran'));
      expect(await worklist(token['signatory']!)).toEqual(idsOf('paid'));
      expect(await worklist(token['surveyor']!)).toEqual(idsOf('surveying', 'awaitingDesign', 'paid'));
      expect(await worklist(token['otherSurveyor']!)).toEqual([]);
      expect(await worklist(token['oversight']!)).toEqual(
        idsOf('draft', 'submittedLongAgo', 'surveying', 'awaitingDesign', 'paid'),
      );
      expect(await worklist(owner)).toEqual(idsOf('draft', 'submittedLongAgo', 'surveying', 'paid'));
      expect(await worklist(other)).toEqual(idsOf('awaitingDesign', 'tehran'));
      expect(await worklist(token['counter']!, { 'X-On-Behalf-Of': OTHER })).toEqual(
        idsOf('awaitingDesign', 'tehran'),
      );
      expect(await worklist(token['engineer']!)).toEqual(idsOf('awaitingDesign', 'paid'));
      expect(await worklist(token['otherEngineer']!)).toEqual(idsOf('awaitingDesign'));
      expect(await worklist(token['strangerEngineer']!)).toEqual([]);
    });

    it('never shows an engineer the applicant’s national id in a worklist row', async () => {
      const rows = (await get('/permits', token['engineer'])).json().items;
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row.applicantNationalId).toMatch(/^\*{8}\d{2}$/);
      const staff = (await get('/permits?status=awaiting_design', token['clerk'])).json().items;
      expect(staff[0].applicantNationalId).toBe(OTHER);
    });

    it('asks a counter office whom it acts for, and refuses the anonymous', async () => {
      const res = await get('/permits', token['counter']);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('PERMIT.ON_BEHALF_OF_REQUIRED');
      expect((await get('/permits')).statusCode).toBe(401);
    });

    it('filters by status, application type, renewal code and region', async () => {
      const list = async (query: string, who = token['clerk']) => ids(await get(`/permits?${query}`, who));
      expect(await list('status=draft,surveying')).toEqual(idsOf('draft', 'surveying'));
      expect(await list('status=awaiting_design')).toEqual(idsOf('awaitingDesign'));
      expect(await list('status=awaiting_design', token['clerkOfRegion2'])).toEqual(idsOf('awaitingDesign'));
      expect(await list('status=paid', token['clerkOfRegion2'])).toEqual([]);
      expect(await list('status=draft,submitted&applicationType=NewConstruction')).toEqual(
        idsOf('draft', 'submittedLongAgo'),
      );
      expect(await list('status=draft&applicationType=Renewal')).toEqual([]);
      expect(await list('status=awaiting_design,paid&renewalCode=02-01-1-1-0-0-0')).toEqual(
        idsOf('awaitingDesign'),
      );
      expect(await list('status=submitted', owner)).toEqual(idsOf('submittedLongAgo'));
      const invalid = await get('/permits?status=submitted,nonsense', token['clerk']);
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().code).toBe('REQUEST.INVALID');
    });

    it('finds the files in their status longer than the rule set allows', async () => {
      const res = await get('/permits?status=submitted,surveying&overdue=true', token['clerk']);
      expect(res.json()).toMatchObject({ total: 1, items: [{ permitId: files['submittedLongAgo'] }] });
    });

    it('pages through the longest waiting first', async () => {
      const all = 'status=draft,submitted,surveying,awaiting_design,paid';
      const pages = await Promise.all(
        [1, 2, 3].map(async (page) =>
          (await get(`/permits?${all}&pageSize=2&page=${page}`, token['clerk'])).json(),
        ),
      );
      expect(pages.map((p) => [p.total, p.page, p.pageSize, p.items.length])).toEqual([
        [5, 1, 2, 2],
        [5, 2, 2, 2],
        [5, 3, 2, 1],
      ]);
      const since = pages.flatMap((p) => p.items.map((i: { stateSince: string }) => i.stateSince));
      expect(since).toEqual([...since].sort());
      expect(pages[0].items[0].permitId).toBe(files['submittedLongAgo']);
      expect(new Set(pages.flatMap((p) => p.items.map((i: { permitId: string }) => i.permitId))).size).toBe(
        5,
      );
    });

    it('pages by cursor, every file once in the same order, and refuses bad cursors and deep pages with 400', async () => {
      const all = 'status=draft,submitted,surveying,awaiting_design,paid';
      const byPage = (await get(`/permits?${all}&pageSize=5`, token['clerk'])).json();
      const seen: string[] = [];
      let next: string | undefined;
      do {
        const cursor = next ? `&cursor=${next}` : '';
        const res = await get(`/permits?${all}&pageSize=2${cursor}`, token['clerk']);
        expect(res.statusCode).toBe(200);
        seen.push(...res.json().items.map((i: { permitId: string }) => i.permitId));
        next = res.json().nextCursor;
      } while (next);
      expect(seen).toEqual(byPage.items.map((i: { permitId: string }) => i.permitId));
      for (const [query, code] of [
        ['cursor=bm90LWEtY3Vyc29y', 'REQUEST.INVALID_CURSOR'],
        ['cursor=%F0%9F%98%80', 'REQUEST.INVALID_CURSOR'],
        ['page=100000&pageSize=100', 'REQUEST.PAGE_TOO_DEEP'],
      ]) {
        const res = await get(`/permits?${all}&${query}`, token['clerk']);
        expect([res.statusCode, res.json().code]).toEqual([400, code]);
      }
    });
  });

  describe('GET /permits/:id/timeline', () => {
    it('tells who did what and when, in order, with names and Persian dates', async () => {
      const res = await get(`/permits/${files['paid']}/timeline`, owner);
      expect(res.statusCode).toBe(200);
      const { permitId, items } = res.json();
      expect(permitId).toBe(files['paid']);
      expect(items.map((i: { type: string }) => i.type)).toEqual([
        'PermitDraftOpened',
        'PermitDocumentAttached',
        'PermitDocumentAttached',
        'PermitDocumentAttached',
        'PermitSubmitted',
        'PermitTaken',
        'SurveyorAssigned',
        'SiteVisitReported',
        'MapOrderIssued',
        'DesignSubmitted',
        'DesignApproved',
        'FeesAssessed',
        'PermitPaymentRecorded',
      ]);
      expect(items[0]).toMatchObject({
        titleFa: 'تشکیل پرونده',
        actor: { id: userId['counter'], displayName: 'counter', role: 'counter_office', onBehalfOf: OWNER },
        recordedAtJalali: expect.stringMatching(/^14\d\d-\d\d-\d\d$/),
        recordedAtFa: expect.stringMatching(/[۰-۹]{4}/),
      });
      expect(items[4]).toMatchObject({ titleFa: 'ثبت درخواست' });
      expect(items[5].actor).toEqual({ id: userId['clerk'], displayName: 'clerk', role: 'clerk' });
      expect(items[11]).toMatchObject({
        actor: { id: 'system:fees', displayName: 'system:fees', role: 'system' },
        details: { total: e.feesAssessed.data.total },
      });
      expect(res.body).not.toContain('BANK-1');
    });

    it('is hidden exactly like the file', async () => {
      const url = `/permits/${files['paid']}/timeline`;
      expect((await get(url, token['clerk'])).statusCode).toBe(200);
      expect((await get(url, other)).statusCode).toBe(404);
      expect((await get(url, token['clerkOfTehran'])).statusCode).toBe(404);
      expect((await get(url)).statusCode).toBe(401);
    });
  });

  describe('POST /permits/:id/design', () => {
    it('takes the design of the engineer the applicant nominated, and of nobody else', async () => {
      // A file of its own that no other case lists: the design moves it on.
      const [surveyorId, engineerId] = ['surveyor-of-malayer', userId['designer']!];
      const { id } = await seed(
        'toDesign',
        [
          e.opened,
          ...documents.map(attached),
          e.submitted,
          { ...e.taken, data: { ...e.taken.data, clerkId: 'clerk-of-malayer' } },
          { ...e.surveyorAssigned, data: { ...e.surveyorAssigned.data, surveyorId } },
          { ...e.siteVisitReported, data: { ...e.siteVisitReported.data, surveyorId } },
          e.mapOrderIssued,
          {
            type: 'EngineerNominated',
            data: { permitId: '', nominee: { organisation: 'engineers-tuyserkan', engineerId } },
          },
        ],
        { municipality: 'malayer', applicantNationalId: '0123456789', renewalCode: '3-1-1-1-0-0-0' },
      );
      const url = `/permits/${id}/design`;
      const design = (who: string) =>
        call(t.app, 'POST', url, { token: token[who]!, body: e.designSubmitted.data.design });
      expect((await design('engineer')).statusCode).toBe(404);
      const colleague = await design('designerColleague');
      expect(colleague.statusCode).toBe(403);
      expect(colleague.json().code).toBe('PERMIT.NOT_NOMINATED_ENGINEER');
      const nominee = await design('designer');
      expect(nominee.statusCode).toBe(201);
      expect(nominee.json()).toMatchObject({ status: 'design_submitted', design: { engineerId } });
    });
  });
});
