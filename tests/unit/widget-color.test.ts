import { describe, expect, it } from 'vitest';
import { brandColor, contrastRatio, defaultBrandColor, parseHexColor } from '../../web/widget/color.ts';

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
