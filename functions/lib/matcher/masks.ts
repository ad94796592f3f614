// Float bit masks: which question terms a phrasing or entry matched (exact up to 2^53).

/** Whether bit `index` is set in a float mask (exact for indexes below 53). */
export function hasBit(mask: number, index: number): boolean {
  return Math.floor(mask / 2 ** index) % 2 === 1;
}

/**
 * The union of two float masks. The 32-bit `|` operator would drop every bit past the 31st;
 * the masks are split into two 26-bit halves, each safe for `|`.
 */
export function unionMask(a: number, b: number): number {
  const half = 2 ** 26;
  const low = (a % half) | (b % half);
  const high = Math.floor(a / half) | Math.floor(b / half);
  return high * half + low;
}
