import { logger } from '../../functions/lib/observability/logger.ts';

/** Captures in progress: only the outermost one holds the real streams. */
let active = 0;
let levelBefore: ReturnType<typeof logger.getLevelName> | undefined;

/**
 * Captures everything written to stdout and stderr (the structured logger and EMF metrics write
 * there), so tests can assert that no personal data reaches the logs. Logs are silenced in tests
 * (POWERTOOLS_LOG_LEVEL=SILENT in vitest.config.ts); while a capture runs the logger logs at
 * DEBUG, so a leak check sees every line the functions could write. The captured lines are not
 * printed (a capture inside another one hands them on to the outer one).
 */
export function captureLogs() {
  const lines: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((stream) => stream.write);
  const outermost = active === 0;
  active += 1;
  if (outermost) {
    levelBefore = logger.getLevelName();
    logger.setLogLevel('DEBUG');
  }
  streams.forEach((stream, index) => {
    const original = originals[index] as typeof stream.write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      if (!outermost) return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
      const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
  });
  let stopped = false;
  return {
    lines,
    /** The captured lines that contain any of the given values. */
    leaks(values: Iterable<string>): string[] {
      const wanted = [...values].filter((value) => value.length > 0);
      return lines.filter((line) => wanted.some((value) => line.includes(value)));
    },
    stop() {
      if (stopped) return;
      stopped = true;
      streams.forEach((stream, index) => {
        stream.write = originals[index] as typeof stream.write;
      });
      active -= 1;
      if (outermost && levelBefore) logger.setLogLevel(levelBefore);
    },
  };
}
