/** The offered media type the Accept header ranks highest; the first offered on a tie or none. */
export function preferred(accept: string | undefined, offered: readonly string[]): string {
  let best = { type: offered[0]!, q: 0 };
  for (const part of (accept ?? '').split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(
      params
        .find((p) => p.trim().startsWith('q='))
        ?.trim()
        .slice(2) ?? '1',
    );
    if (offered.includes(type) && q > best.q) best = { type, q };
  }
  return best.type;
}
