const BARS = '▁▂▃▄▅▆▇█';

/** "▁▃█▅": one bar per value scaled between the smallest and the largest; nulls are a space. */
export function sparkline(values: readonly (number | null)[]): string {
  const real = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (real.length === 0) return ' '.repeat(values.length);
  const min = Math.min(...real);
  const max = Math.max(...real);
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      if (max === min) return max === 0 ? BARS[0] : BARS[3];
      return BARS[Math.min(BARS.length - 1, Math.floor(((v - min) / (max - min)) * (BARS.length - 1) + 0.5))];
    })
    .join('');
}
