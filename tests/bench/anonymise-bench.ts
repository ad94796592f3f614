import fc from 'fast-check';
import { anonymise } from '../../functions/lib/unanswered/anonymise.ts';

export interface AnonymiseBench {
  runs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Time to anonymise a question with an e-mail address somewhere in up to 400 random characters
 * (the property the unit test checks for correctness; the time is reported here, never asserted:
 * a busy machine must not fail a test). A regular expression that backtracks would show as a
 * maximum far above the p99.
 */
export function benchAnonymise(runs = 3000): AnonymiseBench {
  const inputs = fc.sample(
    fc.tuple(fc.string({ maxLength: 200 }), fc.emailAddress(), fc.string({ maxLength: 200 })),
    { numRuns: runs, seed: 42 },
  );
  const times = inputs
    .map(([before, email, after]) => {
      const started = performance.now();
      anonymise(`${before} ${email} ${after}`);
      return performance.now() - started;
    })
    .sort((a, b) => a - b);
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? 0;
  return { runs, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: times.at(-1) ?? 0 };
}
