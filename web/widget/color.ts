/**
 * The city's brand colour (data-color). It colours buttons with white text and links on white,
 * so it is accepted only as a hex colour with at least 4.5:1 contrast against white (WCAG AA);
 * anything else falls back to a dark blue that passes.
 */
export const defaultBrandColor = '#0b5394';

/** Parses `#rgb` or `#rrggbb` into 0..255 channels, or null. */
export function parseHexColor(value: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match?.[1]) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1];
  return [0, 2, 4].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)) as [
    number,
    number,
    number,
  ];
}

/** WCAG 2.1 relative luminance of an sRGB colour. */
export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two colours (1..21). */
export function contrastRatio(
  a: readonly [number, number, number],
  b: readonly [number, number, number],
): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** The brand colour to use: the requested one when valid and readable on white, else the default. */
export function brandColor(requested: string | null | undefined): string {
  const rgb = parseHexColor(requested ?? '');
  if (!rgb || contrastRatio(rgb, [255, 255, 255]) < 4.5) return defaultBrandColor;
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** The panel's background in dark mode (styles.ts uses the same value). */
export const darkBackground = '#16171d';

/**
 * The brand colour lightened (mixed with white) until links and outlined buttons in it read on
 * the dark background with at least 7:1 (AAA); a town may override it with `--faq-accent-dark`.
 */
export function accentOnDark(brand: string): string {
  const rgb = parseHexColor(brand) ?? (parseHexColor(defaultBrandColor) as [number, number, number]);
  const dark = parseHexColor(darkBackground) as [number, number, number];
  for (let share = 0; share <= 1; share += 0.05) {
    const mixed = rgb.map((channel) => Math.round(channel + (255 - channel) * share)) as [
      number,
      number,
      number,
    ];
    // 7:1 rather than the minimum 4.5:1: thin outlines and link text read better on dark.
    if (contrastRatio(mixed, dark) >= 7)
      return `#${mixed.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
  }
  return '#ffffff';
}
