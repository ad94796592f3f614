import { describe, expect, it } from 'vitest';
import {
  accentOnDark,
  brandColor,
  contrastRatio,
  darkBackground,
  defaultBrandColor,
  parseHexColor,
} from '../../web/widget/color.ts';

describe('brand colour', () => {
  it('parses #rgb and #rrggbb only', () => {
    expect(parseHexColor('#0b5394')).toEqual([11, 83, 148]);
    expect(parseHexColor('#fff')).toEqual([255, 255, 255]);
    for (const bad of ['red', '0b5394', '#12345', 'url(x)', '#0b5394;background:url(x)', '']) {
      expect(parseHexColor(bad), bad).toBeNull();
    }
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([118, 118, 118], [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it('keeps a readable colour and falls back for unreadable or invalid ones', () => {
    expect(brandColor('#7A0019')).toBe('#7a0019');
    expect(brandColor('#ffcc00')).toBe(defaultBrandColor);
    expect(brandColor('#777')).toBe(defaultBrandColor);
    expect(brandColor('red; } * { display:none')).toBe(defaultBrandColor);
    expect(brandColor(null)).toBe(defaultBrandColor);
    expect(
      contrastRatio(parseHexColor(defaultBrandColor) ?? [0, 0, 0], [255, 255, 255]),
    ).toBeGreaterThanOrEqual(4.5);
  });
});

describe('in dark mode', () => {
  it.each(['#0b5394', '#7a0019', '#000000', '#2044aa'])(
    'lightens the brand colour %s until it reads on the dark background (7:1)',
    (brand) => {
      const accent = parseHexColor(accentOnDark(brand));
      const dark = parseHexColor(darkBackground);
      if (!accent || !dark) throw new Error('accentOnDark must return a hex colour');
      expect(contrastRatio(accent, dark)).toBeGreaterThanOrEqual(7);
    },
  );
});
