import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { reportAdsCommand } from './ads.js';
import { reportCustomersCommand } from './customers.js';
import { reportDailyCommand } from './daily.js';
import { reportInventoryCommand } from './inventory.js';
import { reportKpiCommand } from './kpi.js';
import { reportProductsCommand } from './products.js';
import { reportSalesCommand } from './sales.js';

/** Every verb declares its flags here and imports its report and view only when it runs. */
export function register(ctx: Ctx) {
  return noun(ctx, 'report', 'reportNoun.summary', [
    reportKpiCommand(ctx),
    reportSalesCommand(ctx),
    reportProductsCommand(ctx),
    reportInventoryCommand(ctx),
    reportCustomersCommand(ctx),
    reportAdsCommand(ctx),
    reportDailyCommand(ctx),
  ]);
}
