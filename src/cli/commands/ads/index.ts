import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { adsAddCommand } from './add.js';
import { adsImportCommand } from './import.js';
import { adsListCommand } from './list.js';

export function register(ctx: Ctx) {
  return noun(ctx, 'ads', 'adsNoun.summary', [adsAddCommand(ctx), adsImportCommand(ctx), adsListCommand(ctx)]);
}
