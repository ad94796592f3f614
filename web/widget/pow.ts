/**
 * Solves an ALTCHA proof-of-work challenge (algorithm SHA-256) with WebCrypto: find the number
 * n <= maxnumber with SHA-256(salt + n) === challenge. Invisible to the citizen: the widget
 * runs it only after the server answered 428 `challenge_required` (a busy network or a flood),
 * and a challenge takes a fraction of a second. A few hundred bytes, so it ships in the widget
 * bundle instead of as a separate download.
 */
export interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber?: number;
  maxNumber?: number;
  salt: string;
  signature: string;
}

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The base64 payload the server verifies, or undefined when no number up to the limit fits. */
export async function solveChallenge(challenge: Challenge, subtle: SubtleCrypto = crypto.subtle) {
  const max = challenge.maxnumber ?? challenge.maxNumber ?? 1_000_000;
  const encoder = new TextEncoder();
  // Digests in batches: one await per batch instead of one per number (about ten times faster).
  const batch = 500;
  for (let start = 0; start <= max; start += batch) {
    const numbers = Array.from({ length: Math.min(batch, max - start + 1) }, (_, i) => start + i);
    const digests = await Promise.all(
      numbers.map((n) => subtle.digest('SHA-256', encoder.encode(`${challenge.salt}${n}`))),
    );
    const found = digests.findIndex((digest) => hex(digest) === challenge.challenge);
    const number = numbers[found];
    if (number !== undefined) {
      const payload = {
        algorithm: challenge.algorithm,
        challenge: challenge.challenge,
        number,
        salt: challenge.salt,
        signature: challenge.signature,
      };
      return btoa(JSON.stringify(payload));
    }
  }
  return undefined;
}
