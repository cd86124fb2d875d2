import { bootstrapAdmin } from '../support/bootstrap-admin.js';
import { hamedan, registerAll } from '../support/directory.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const city = (code: string, nameFa: string) => ({
  code,
  name: code,
  nameFa,
  regions: [],
  province: 'qazvin',
});

describe('a provincial oversight grant (استان) covers every municipality of its province', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bootstrapAdmin(t.app);
    await registerAll(t.app, admin, {
      municipalities: [
        { ...hamedan, province: 'hamedan' },
        city('qazvin', 'قزوین'),
        city('takestan', 'تاکستان'),
      ],
    });
  });
  afterAll(() => t.close());

  it('holds the grant as one per city of the province, including a city registered later, and none of another province', async () => {
    const created = await call(t.app, 'POST', '/users', {
      token: admin,
      body: {
        username: 'qazvin-oversight',
        displayName: 'Provincial oversight',
        password: 'oversight-password-1',
        grants: [{ role: 'oversight', province: 'qazvin' }],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().grants).toEqual([{ role: 'oversight', province: 'qazvin' }]);
    const token = await signIn(t.app, 'qazvin-oversight', 'oversight-password-1');
    const grantsNow = async () =>
      ((await call(t.app, 'GET', '/me', { token })).json().grants as { municipality: string }[])
        .map((g) => g.municipality)
        .sort();
    expect(await grantsNow()).toEqual(['qazvin', 'takestan']);

    await registerAll(t.app, admin, { municipalities: [city('abyek', 'آبیک')] });
    expect(await grantsNow()).toEqual(['abyek', 'qazvin', 'takestan']);
  });

  it('shows the province of a municipality in the directory', async () => {
    const res = await call(t.app, 'GET', '/municipalities/takestan', { token: admin });
    expect(res.json()).toMatchObject({ code: 'takestan', province: 'qazvin' });
  });
});
