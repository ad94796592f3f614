// aws-cdk-lib announces every asset it bundles on stderr ("Bundling asset …", unconditionally), and
// the CDK tests bundle every function: dozens of lines that say nothing when the tests pass. Those
// lines are dropped here; every other stderr line still reaches the output.
const write = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  if (typeof chunk === 'string' && chunk.startsWith('Bundling asset ')) return true;
  return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stderr.write;
