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
  for (let number = 0; number <= max; number++) {
    const digest = hex(await subtle.digest('SHA-256', encoder.encode(`${challenge.salt}${number}`)));
    if (digest === challenge.challenge) {
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
