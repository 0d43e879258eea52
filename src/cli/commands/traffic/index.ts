import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { trafficAddCommand } from './add.js';
import { trafficImportCommand } from './import.js';
import { trafficListCommand } from './list.js';

export function register(ctx: Ctx) {
  return noun(ctx, 'traffic', 'trafficNoun.summary', [trafficAddCommand(ctx), trafficImportCommand(ctx), trafficListCommand(ctx)]);
}
