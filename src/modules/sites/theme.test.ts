import { describe, expect, it } from 'vitest';
import { contrastRatio, keepsContrast, MIN_CONTRAST, PALETTE, worstContrast } from './theme.ts';

describe('theme colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // The WCAG example: #777 on white is just under 4.5.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('offers only colours that keep AA contrast with white and the soft background', () => {
    for (const { code, hex } of PALETTE) {
      expect(worstContrast(hex), code).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(keepsContrast(hex), code).toBe(true);
    }
    expect(new Set(PALETTE.map((p) => p.hex)).size).toBe(PALETTE.length);
  });

  it('refuses light colours', () => {
    for (const hex of ['#f6c343', '#ffffff', '#777777', '#4caf50', '#ff0000']) expect(keepsContrast(hex), hex).toBe(false);
  });
});
