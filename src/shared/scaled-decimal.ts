/**
 * Exact decimals for money: a number with at most `decimals` places becomes an integer count of
 * 10^-decimals units (250.57 m² → 25057n hundredths), so fees are computed without floating point.
 */

/** The value as a scaled integer, or undefined when it is not finite, has more places, or is too large. */
export function toScaled(value: number, decimals: number): bigint | undefined {
  if (!Number.isFinite(value)) return undefined;
  const factor = 10 ** decimals;
  // value × factor may miss by an ulp (1.005 × 1000 = 1004.999…), so round it; dividing back is exact
  // (both sides are the double nearest the same decimal), which refuses anything with more places.
  const scaled = Math.round(value * factor);
  if (!Number.isSafeInteger(scaled) || scaled / factor !== value) return undefined;
  return BigInt(scaled);
}

/** The number nearest a scaled integer (25057n, 2 → 250.57). */
export function fromScaled(scaled: bigint, decimals: number): number {
  return Number(scaled) / 10 ** decimals;
}

/** numerator / denominator rounded half up; both non-negative, denominator positive. */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** numerator / denominator rounded up; both non-negative, denominator positive. */
export function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/** A non-negative integer with thousands separators: 1200000n → "1,200,000". */
export function groupThousands(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * A non-negative scaled integer as a decimal string: with every place (25000n, 2 → "250.00"), or
 * with trailing zeros dropped when `trim` (1500n, 3 → "1.5"; 1000n, 3 → "1").
 */
export function formatScaled(scaled: bigint, decimals: number, trim = false): string {
  const digits = scaled.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  let fraction = digits.slice(digits.length - decimals);
  if (trim) fraction = fraction.replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}
