/** A municipality: the cheapest published event (MunicipalityRegistered) an admin can cause. */
export const municipality = (code: string) => ({
  code,
  name: code,
  nameFa: `شهر ${code}`,
  regions: [{ code: '1', name: 'منطقه ۱' }],
});

/** Polls `probe` until it gives a value: deliveries arrive on their own time. */
export async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
