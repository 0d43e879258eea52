/** The process time zones every import test runs under: results must not depend on the machine's zone. */
export const PROCESS_ZONES = ['UTC', 'America/New_York', 'Asia/Shanghai'] as const;

/** Runs `check` once per process zone (Node re-reads TZ when it changes), restoring the original zone. */
export function inEveryZone(check: (zone: string) => void): void {
  const original = process.env.TZ;
  try {
    for (const zone of PROCESS_ZONES) {
      process.env.TZ = zone;
      check(zone);
    }
  } finally {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  }
}
