/**
 * How the shared AWS SDK clients are instrumented, chosen by the function, not by the adapter.
 *
 * The adapters create their clients through `instrumented()`; tracer.ts registers the X-Ray
 * (Powertools Tracer) wrapper when a function imports it. The ask function does not: the X-Ray
 * SDK is over a third of its bundle, and Lambda's active tracing still records each of its
 * invocations (decision in docs/performance.md, "Tracing on the ask function").
 */
type Instrument = <T>(client: T) => T;

let instrument: Instrument = (client) => client;

/** Called once, by tracer.ts, at module load: before any handler creates its first client. */
export function instrumentClientsWith(wrapper: Instrument): void {
  instrument = wrapper;
}

/** The client, wrapped by the registered instrumentation (unchanged when none is registered). */
export function instrumented<T>(client: T): T {
  return instrument(client);
}
