// aws-cdk-lib announces every asset it bundles on stderr ("Bundling asset …", unconditionally), and
// the CDK tests bundle every function: dozens of lines that say nothing when the tests pass. Those
// lines are dropped here; every other stderr line still reaches the output.
// Setup files run again before every test file; in a shared worker the filter is installed once.
const installed = Symbol.for('incident-faq.quiet-bundling');
const stderr = process.stderr as NodeJS.WriteStream & { [installed]?: true };
if (!stderr[installed]) {
  stderr[installed] = true;
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk === 'string' && chunk.startsWith('Bundling asset ')) return true;
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
}
