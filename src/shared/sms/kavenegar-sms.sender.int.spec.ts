import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KavenegarSmsSender } from './kavenegar-sms.sender.js';

/**
 * A local stand-in that follows Kavenegar's published REST API: `POST /v1/{API-KEY}/sms/send.json`
 * with form fields, answering `{ return: { status, message }, entries }`; 403 for an unknown key,
 * 418 when the account has no credit.
 */
function kavenegar(credit: boolean) {
  const received: { path: string; form: Record<string, string> }[] = [];
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      const path = request.url ?? '';
      const form = Object.fromEntries(new URLSearchParams(raw));
      received.push({ path, form });
      const status = !path.startsWith('/v1/the-key/') ? 403 : credit ? 200 : 418;
      response.writeHead(status, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          return: { status, message: status === 200 ? 'تایید شد' : 'خطا' },
          entries:
            status === 200
              ? [{ messageid: 8792343, status: 1, receptor: form['receptor'], sender: form['sender'] }]
              : null,
        }),
      );
    });
  });
  return {
    received,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('KavenegarSmsSender against a local stand-in of the provider', () => {
  const message = { to: '09120000001', text: 'کد تأیید: 123456', reference: 'reg-1-0' };

  it('sends receptor, sender, message and localid, form-encoded, to the key’s path', async () => {
    const provider = kavenegar(true);
    const url = await provider.start();
    try {
      await new KavenegarSmsSender({ url, key: 'the-key', sender: '10004346', timeoutMs: 1000 }).send(
        message,
      );
      expect(provider.received).toEqual([
        {
          path: '/v1/the-key/sms/send.json',
          form: {
            receptor: '09120000001',
            sender: '10004346',
            message: 'کد تأیید: 123456',
            localid: 'reg-1-0',
          },
        },
      ]);
    } finally {
      await provider.stop();
    }
  });

  it('sends no localid when the message has no reference', async () => {
    const provider = kavenegar(true);
    const url = await provider.start();
    try {
      await new KavenegarSmsSender({ url, key: 'the-key', sender: '10004346', timeoutMs: 1000 }).send({
        to: message.to,
        text: message.text,
      });
      expect(provider.received.map(({ form }) => Object.keys(form))).toEqual([
        ['receptor', 'sender', 'message'],
      ]);
    } finally {
      await provider.stop();
    }
  });

  it.each([
    ['an unknown key', 'wrong-key', true],
    ['an account without credit', 'the-key', false],
  ])('answers SMS.UNAVAILABLE for %s, without the key in the message', async (_, key, credit) => {
    const provider = kavenegar(credit);
    const url = await provider.start();
    try {
      const sending = new KavenegarSmsSender({ url, key, sender: '10004346', timeoutMs: 1000 }).send(message);
      await expect(sending).rejects.toMatchObject({ code: 'SMS.UNAVAILABLE', kind: 'unavailable' });
      await expect(sending).rejects.not.toThrow(key);
    } finally {
      await provider.stop();
    }
  });

  it('answers SMS.UNAVAILABLE when the provider cannot be reached', async () => {
    const sender = new KavenegarSmsSender({
      url: 'http://127.0.0.1:9',
      key: 'k',
      sender: 's',
      timeoutMs: 300,
    });
    await expect(sender.send(message)).rejects.toMatchObject({ code: 'SMS.UNAVAILABLE' });
  });
});
