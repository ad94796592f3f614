/**
 * Captures everything written to stdout and stderr (the structured logger writes there) while
 * still passing it through, so tests can assert that no personal data reaches the logs.
 */
export function captureLogs() {
  const lines: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((stream) => stream.write);
  streams.forEach((stream, index) => {
    const original = originals[index] as typeof stream.write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  });
  return {
    lines,
    /** The captured lines that contain any of the given values. */
    leaks(values: Iterable<string>): string[] {
      const wanted = [...values].filter((value) => value.length > 0);
      return lines.filter((line) => wanted.some((value) => line.includes(value)));
    },
    stop() {
      streams.forEach((stream, index) => {
        stream.write = originals[index] as typeof stream.write;
      });
    },
  };
}
