import { Logger } from '@nestjs/common';
import { NOT_PUBLIC, resolveTarget, WebhookSender } from './webhook-sender.js';

const internal = () => Promise.resolve([{ address: '10.2.3.4', family: 4 }]);

describe('webhook targets that resolve to an address that is not public', () => {
  let warned: jest.SpyInstance;
  beforeEach(() => {
    warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warned.mockRestore());

  it('are refused without naming the address, which only the server log holds', async () => {
    const refusal = resolveTarget('hooks.bank.example', false, internal);
    await expect(refusal).rejects.toThrow(NOT_PUBLIC);
    await expect(refusal).rejects.not.toThrow(/10\.2\.3\.4/);
    expect(warned).toHaveBeenCalledWith(expect.stringMatching(/hooks\.bank\.example.*10\.2\.3\.4/));
  });

  it('leave the delivery log a message that does not map the internal network', async () => {
    const sender = new WebhookSender({ allowPrivate: false, timeoutMs: 1000 }, internal);
    const outcome = await sender.send({ url: 'https://hooks.bank.example/in', headers: {}, body: '{}' });
    expect(outcome).toEqual({ ok: false, error: NOT_PUBLIC });
  });

  it('are used where private targets are allowed', async () => {
    await expect(resolveTarget('hooks.bank.example', true, internal)).resolves.toEqual({
      address: '10.2.3.4',
      family: 4,
    });
    expect(warned).not.toHaveBeenCalled();
  });
});
