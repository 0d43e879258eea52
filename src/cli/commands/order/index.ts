import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { orderAddCommand } from './add.js';
import { orderChangeCommands } from './change.js';
import { orderCheckCommand } from './check.js';
import { orderExportTrackingCommand } from './export-tracking.js';
import { orderExportCommand } from './export.js';
import { orderImportCommand } from './import.js';
import { orderListCommand } from './list.js';
import { orderMergeCommand } from './merge.js';
import { orderPackCommand } from './pack.js';
import { orderPickCommand } from './pick.js';
import { orderShipCommand } from './ship.js';
import { orderShowCommand } from './show.js';
import { orderSplitCommand } from './split.js';
import { orderUnmatchedCommand } from './unmatched.js';

export function register(ctx: Ctx) {
  const [pay, hold, release, deliver, complete, cancel, memo] = orderChangeCommands(ctx);
  return noun(ctx, 'order', 'order.summary', [
    orderAddCommand(ctx),
    orderListCommand(ctx),
    orderShowCommand(ctx),
    pay!,
    orderCheckCommand(ctx),
    orderPickCommand(ctx),
    orderPackCommand(ctx),
    orderShipCommand(ctx),
    deliver!,
    complete!,
    hold!,
    release!,
    cancel!,
    orderMergeCommand(ctx),
    orderSplitCommand(ctx),
    memo!,
    orderExportTrackingCommand(ctx),
    orderImportCommand(ctx),
    orderExportCommand(ctx),
    orderUnmatchedCommand(ctx),
  ]);
}
