/**
 * Bar charts drawn as SVG by the page: positions are SVG attributes and colours are CSS classes
 * (web/public/dashboard.css), so nothing needs inline style or script (strict CSP). Every chart
 * is decorative for screen readers in detail (role="img" with a one-line summary) and comes with
 * a data table holding the same numbers.
 */
import { h } from '../shared/dom.ts';

const svgNs = 'http://www.w3.org/2000/svg';

function svg(tag: string, attributes: Record<string, string | number> = {}, text?: string): SVGElement {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

export interface Series {
  key: string;
  label: string;
  /** CSS class that colours the series (bars and legend swatch). */
  className: string;
}

export interface Bar {
  label: string;
  /** Longer label for the table (e.g. the full date); defaults to `label`. */
  tableLabel?: string;
  values: Record<string, number>;
}

/** A round step for grid lines: 1, 2, 5, 10, 20, 50 … */
function niceStep(max: number, lines: number): number {
  const rough = Math.max(1, max / lines);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough);
  return step ?? 10 * power;
}

/** The legend: a swatch and a label per series (text, so it zooms and reads). */
export function legend(series: readonly Series[]): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    ...series.map((item) =>
      h('li', {}, h('span', { class: `swatch ${item.className}`, 'aria-hidden': 'true' }), item.label),
    ),
  );
}

/**
 * A vertical stacked bar chart, sized to its container's width at drawing time so that text
 * stays readable on a phone. Labels on the x axis are thinned out to fit.
 */
export function stackedBars(
  bars: readonly Bar[],
  series: readonly Series[],
  summary: string,
  width: number,
): SVGElement {
  const height = 220;
  const margin = { top: 12, right: 8, bottom: 28, left: 40 };
  const plotWidth = Math.max(100, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const totals = bars.map((bar) => series.reduce((sum, item) => sum + (bar.values[item.key] ?? 0), 0));
  const step = niceStep(Math.max(1, ...totals), 4);
  const top = Math.max(step, Math.ceil(Math.max(1, ...totals) / step) * step);
  const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
  const root = svg('svg', {
    class: 'chart',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-label': summary,
  });
  for (let value = 0; value <= top; value += step) {
    root.append(
      svg('line', { class: 'grid', x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value) }),
    );
    root.append(
      svg(
        'text',
        { class: 'axis', x: margin.left - 6, y: y(value) + 4, 'text-anchor': 'end' },
        String(value),
      ),
    );
  }
  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.max(2, Math.min(48, slot * 0.7));
  const labelEvery = Math.max(1, Math.ceil(bars.length / Math.max(1, Math.floor(plotWidth / 60))));
  bars.forEach((bar, index) => {
    const x = margin.left + index * slot + (slot - barWidth) / 2;
    let base = 0;
    for (const item of series) {
      const value = bar.values[item.key] ?? 0;
      if (value > 0) {
        root.append(
          svg('rect', {
            class: `bar ${item.className}`,
            x,
            width: barWidth,
            y: y(base + value),
            height: Math.max(1, y(base) - y(base + value)),
          }),
        );
      }
      base += value;
    }
    if (index % labelEvery === 0) {
      root.append(
        svg(
          'text',
          { class: 'axis', x: x + barWidth / 2, y: height - 8, 'text-anchor': 'middle' },
          bar.label,
        ),
      );
    }
  });
  return root;
}

/** The data table behind a chart: one row per bar, one column per series, and a total row. */
export function dataTable(
  caption: string,
  firstColumn: string,
  bars: readonly Bar[],
  series: readonly Series[],
  totalLabel: string,
  id: string,
): HTMLTableElement {
  const sums = series.map((item) => bars.reduce((sum, bar) => sum + (bar.values[item.key] ?? 0), 0));
  return h(
    'table',
    { id, class: 'numbers' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, firstColumn),
        ...series.map((item) => h('th', { scope: 'col', 'data-series': item.key }, item.label)),
      ),
    ),
    h(
      'tbody',
      {},
      ...bars.map((bar) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, bar.tableLabel ?? bar.label),
          ...series.map((item) => h('td', { 'data-series': item.key }, String(bar.values[item.key] ?? 0))),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, totalLabel),
        ...sums.map((sum, index) => h('td', { 'data-series': series[index]?.key ?? '' }, String(sum))),
      ),
    ),
  );
}

/**
 * A chart with its legend and, below, its table in a disclosure (open it to read every figure).
 * The caption is shown only when it says more than the section heading above it (`showTitle`).
 */
export function chartFigure(options: {
  id: string;
  title: string;
  showTitle?: boolean;
  summary: string;
  tableTitle: string;
  firstColumn: string;
  totalLabel: string;
  bars: readonly Bar[];
  series: readonly Series[];
  width: number;
}): HTMLElement {
  return h(
    'figure',
    { id: options.id, class: 'chart-figure', 'aria-labelledby': `${options.id}-caption` },
    h(
      'figcaption',
      { id: `${options.id}-caption`, class: options.showTitle ? '' : 'visually-hidden' },
      options.title,
    ),
    options.series.length > 1 && legend(options.series),
    h(
      'div',
      { class: 'chart-scroll' },
      stackedBars(options.bars, options.series, options.summary, options.width) as unknown as Node,
    ),
    h(
      'details',
      {},
      h('summary', {}, options.tableTitle),
      h(
        'div',
        // Focusable, so keyboard users can scroll a table wider than a phone.
        { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': options.title },
        dataTable(
          options.title,
          options.firstColumn,
          options.bars,
          options.series,
          options.totalLabel,
          `${options.id}-table`,
        ),
      ),
    ),
  );
}
