import { describe, expect, it } from 'vitest';
import { formulaSafe } from '../../src/cli/render/csv.js';

describe('formulaSafe', () => {
  it('guards every cell a spreadsheet would run as a formula', () => {
    for (const cell of ['=SUM(A1:A9)', '+1 gift', '-5 off please', '@boss', '\tx', '\rx', '-¥100.00', '+0.20 pp', '+8613812345678', '=1+2', '-1+2', '+1.5e3']) {
      expect(formulaSafe(cell), cell).toBe(`'${cell}`);
    }
  });

  it('leaves a signed number as a number: a report’s change column reads -1.55, +9.8%, -92.0%, -3', () => {
    for (const cell of ['-1.55', '+9.8%', '-92.0%', '-3', '+0.5', '12', '9.8%']) expect(formulaSafe(cell), cell).toBe(cell);
    expect(formulaSafe(-3)).toBe('-3');
    expect(formulaSafe(null)).toBe('');
  });
});
