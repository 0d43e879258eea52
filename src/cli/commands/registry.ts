import type { Command } from 'commander';
import type { MessageKey } from '../../i18n/index.js';
import type { Ctx } from '../context.js';

export interface CommandModule {
  register(ctx: Ctx): Command;
}

export interface Entry {
  name: string;
  summary: MessageKey;
  load: () => Promise<CommandModule>;
}

/** Every top-level command; a command's code is imported only when it is the one being run. */
export const ENTRIES: readonly Entry[] = [
  { name: 'init', summary: 'init.summary', load: () => import('./init.js') },
  { name: 'shop', summary: 'shop.summary', load: () => import('./shop/index.js') },
  { name: 'product', summary: 'product.summary', load: () => import('./product/index.js') },
  { name: 'sku', summary: 'sku.summary', load: () => import('./sku/index.js') },
  { name: 'stock', summary: 'stock.summary', load: () => import('./stock/index.js') },
  { name: 'order', summary: 'order.summary', load: () => import('./order/index.js') },
  { name: 'customer', summary: 'customerNoun.summary', load: () => import('./customer/index.js') },
  { name: 'ticket', summary: 'ticketNoun.summary', load: () => import('./ticket/index.js') },
  { name: 'return', summary: 'returnNoun.summary', load: () => import('./return/index.js') },
  { name: 'review', summary: 'reviewNoun.summary', load: () => import('./review/index.js') },
  { name: 'traffic', summary: 'trafficNoun.summary', load: () => import('./traffic/index.js') },
  { name: 'ads', summary: 'adsNoun.summary', load: () => import('./ads/index.js') },
  { name: 'report', summary: 'reportNoun.summary', load: () => import('./report/index.js') },
  { name: 'import', summary: 'importNoun.summary', load: () => import('./import/index.js') },
  { name: 'db', summary: 'db.summary', load: () => import('./db/index.js') },
  { name: 'demo', summary: 'demo.summary', load: () => import('./demo.js') },
];
