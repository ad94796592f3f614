/**
 * A polite live region for screen readers. The region is cleared first and the text set after a
 * short tick, so the same message twice is announced twice.
 */
export function createAnnouncer(region: HTMLElement, onShow?: (kind: 'info' | 'error') => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (message: string, kind: 'info' | 'error' = 'info'): void => {
    region.textContent = '';
    onShow?.(kind);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      region.textContent = message;
    }, 30);
  };
}
