let knownZones: Set<string> | undefined;

/** An IANA zone name this Node.js knows (Intl only: cheap enough for every start-up). */
export function isTimeZone(zone: string): boolean {
  knownZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return knownZones.has(zone);
}
