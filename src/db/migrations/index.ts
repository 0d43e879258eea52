import { foundation } from './0001_foundation.js';
import { orders } from './0002_orders.js';
import { imports } from './0003_imports.js';
import { service } from './0004_service.js';
import { trafficAds } from './0005_traffic_ads.js';
import { customerEmailIndex } from './0006_customer_email_index.js';
import { orderCustomerPaidIndex } from './0007_order_customer_paid_index.js';
import { reportIndexes } from './0008_report_indexes.js';
import { amazonLineKeys } from './0009_amazon_line_keys.js';
import { platformStock } from './0010_platform_stock.js';
import { orderRefunds } from './0011_order_refunds.js';
import { lineCancelled } from './0012_line_cancelled.js';
import { adFiguresOptional } from './0013_ad_figures_optional.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append-only: never edit a shipped migration; add the next number. */
export const migrations: readonly Migration[] = [foundation, orders, imports, service, trafficAds, customerEmailIndex, orderCustomerPaidIndex, reportIndexes, amazonLineKeys, platformStock, orderRefunds, lineCancelled, adFiguresOptional];

export const latestVersion = migrations.at(-1)?.version ?? 0;
