import { keptHeaders, PublicAnswers, type AnsweredRequest } from './public-answers.js';

const T0 = 1_000_000;
const request = (
  url = '/parcels/1-1-1-1-0-0-0',
  headers: AnsweredRequest['headers'] = {},
): AnsweredRequest => ({
  method: 'GET',
  url,
  ip: '203.0.113.7',
  headers: { host: 'daftar.example', accept: 'application/json', ...headers },
});
const ok = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"view":"public"}' };

/** One full trip of a request: arrives, is offered by its route, leaves with `answer`. */
function answered(answers: PublicAnswers, asked: AnsweredRequest, answer = ok, offered = true): void {
  expect(answers.arrive(asked, T0)).toBeUndefined();
  if (offered) answers.offer(asked);
  answers.leave(asked, answer, T0);
}

describe('PublicAnswers', () => {
  it('gives an offered answer again to the next anonymous request for the same URL and Accept', () => {
    const answers = new PublicAnswers();
    answered(answers, request());
    expect(answers.arrive(request(), T0 + 10)).toMatchObject(ok);
    expect(answers.arrive(request('/parcels/1-1-1-2-0-0-0'), T0 + 10)).toBeUndefined();
    expect(answers.arrive(request(undefined, { accept: 'text/html' }), T0 + 10)).toBeUndefined();
  });

  it('keeps nothing its route did not offer, and no answer but a 200', () => {
    const answers = new PublicAnswers();
    answered(answers, request(), ok, false);
    expect(answers.arrive(request(), T0)).toBeUndefined();
    answered(answers, request(), { ...ok, statusCode: 404 });
    expect(answers.arrive(request(), T0)).toBeUndefined();
  });

  it.each([
    'authorization',
    'cookie',
    'daftar-purpose',
    'x-on-behalf-of',
    'if-none-match',
    'range',
    'cache-control',
    'pragma',
  ])('neither keeps nor gives an answer to a request carrying %s', (header) => {
    const answers = new PublicAnswers();
    answered(answers, request(undefined, { [header]: 'x' }));
    expect(answers.arrive(request(), T0)).toBeUndefined();
    answered(answers, request());
    expect(answers.arrive(request(undefined, { [header]: 'x' }), T0)).toBeUndefined();
  });

  it('keeps nothing under a long URL or Accept, which anyone could send to fill memory', () => {
    const answers = new PublicAnswers();
    const long = request(`/parcels/1-1-1-1-0-0-0?p=${'a'.repeat(600)}`);
    answered(answers, long);
    expect(answers.arrive(long, T0)).toBeUndefined();
    answered(answers, request(undefined, { accept: 'x'.repeat(600) }));
    expect(answers.size).toBe(0);
  });

  it('answers only GET', () => {
    const answers = new PublicAnswers();
    answered(answers, request());
    expect(answers.arrive({ ...request(), method: 'HEAD' }, T0)).toBeUndefined();
  });

  it('forgets every answer once anything changed, and one made while something changed', () => {
    const answers = new PublicAnswers();
    answered(answers, request());
    answers.changed();
    expect(answers.size).toBe(0);
    expect(answers.arrive(request(), T0)).toBeUndefined();

    const asked = request();
    expect(answers.arrive(asked, T0)).toBeUndefined();
    answers.offer(asked);
    answers.changed();
    answers.leave(asked, ok, T0);
    expect(answers.arrive(request(), T0)).toBeUndefined();
  });

  it('gives an answer again for at most its maximum age', () => {
    const answers = new PublicAnswers({ maxAgeMs: 500 });
    answered(answers, request());
    expect(answers.arrive(request(), T0 + 499)).toBeDefined();
    expect(answers.arrive(request(), T0 + 500)).toBeUndefined();
  });

  it('asks the route before giving its answer again, and sends the request the full way when refused', () => {
    const answers = new PublicAnswers();
    const asked = request();
    answers.arrive(asked, T0);
    let admitted = 1;
    answers.offer(asked, () => (admitted -= 1) >= 0);
    answers.leave(asked, ok, T0);
    expect(answers.arrive(request(), T0)).toBeDefined();
    expect(answers.arrive(request(), T0)).toBeUndefined();
  });

  it('gives an answer again without the headers of its own exchange', () => {
    expect(
      keptHeaders({
        'content-type': 'text/html',
        vary: 'Accept',
        'x-request-id': 'r-1',
        'content-length': 10,
        date: 'now',
        etag: undefined,
      }),
    ).toEqual({ 'content-type': 'text/html', vary: 'Accept' });
  });
});
