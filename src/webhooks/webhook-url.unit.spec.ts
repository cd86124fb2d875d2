import { webhookUrlProblem } from './webhook-url.js';

const demo = { httpsOnly: false, allowPrivate: true };
const production = { httpsOnly: true, allowPrivate: false };

describe('webhook URLs as written', () => {
  it.each([
    ['http://bank.example.ir/hook', production],
    ['https://127.0.0.1/hook', production],
    ['https://[::1]/hook', production],
    ['https://[::ffff:10.0.0.1]/hook', production],
    ['https://169.254.169.254/latest/meta-data', production],
    ['https://localhost/hook', production],
    ['https://intranet/hook', production],
    ['https://user:pass@bank.example.ir/hook', demo],
    ['https://bank.example.ir/hook#x', demo],
    ['ftp://bank.example.ir/hook', demo],
    ['not a url', demo],
  ])('refuses %s', (url, rules) => {
    expect(webhookUrlProblem(url, rules)).toEqual(expect.any(String));
  });

  it.each([
    ['https://bank.example.ir/hook', production],
    ['https://8.8.8.8/hook', production],
    ['http://127.0.0.1:8080/hook', demo],
  ])('allows %s', (url, rules) => {
    expect(webhookUrlProblem(url, rules)).toBeUndefined();
  });
});
