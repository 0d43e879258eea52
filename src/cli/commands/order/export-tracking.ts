import type { Command } from 'commander';
import { usageError } from '../../../domain/errors.js';
import {
  LAYOUTS,
  TRACKING_PLATFORMS,
  carrierNames,
  checkTrackingPlatform,
  layoutFits,
  trackingExport,
  type TrackedShipment,
  type TrackingFile,
  type TrackingPlatform,
} from '../../../domain/fulfilment/tracking-export.js';
import { trackingUrl } from '../../../domain/fulfilment/carriers.js';
import type { MessageKey } from '../../../i18n/index.js';
import type { Ctx } from '../../context.js';
import { writeOutput } from '../../files.js';
import { verb } from '../../verb.js';

export interface OrderExportTrackingOptions {
  platform?: string;
  shop?: string;
  since?: string;
  output?: string;
  excel: boolean;
}

const LAYOUT_NAMES: Record<TrackingPlatform, MessageKey> = {
  amazon: 'tracking.layout.amazon',
  shopify: 'tracking.layout.shopify',
  taobao: 'tracking.layout.taobao',
  generic: 'tracking.layout.generic',
};

export function orderExportTrackingCommand(ctx: Ctx, run = orderExportTrackingRun): Command {
  return verb(ctx, 'export-tracking', 'tracking.summary', [
    'shopkeep order export-tracking --platform amazon --since 1d -o shipping-confirmation.txt',
    'shopkeep order export-tracking --platform shopify --since 2026-11-01 -o tracking.csv',
    'shopkeep order export-tracking --platform taobao --shop 茶舍 --excel -o 批量发货.csv',
    'shopkeep order export-tracking --platform generic --since 7d --json',
  ])
    .option('--platform <platform>', ctx.t('tracking.opt.platform', { platforms: TRACKING_PLATFORMS.join('|') }))
    .option('--shop <shop>', ctx.t('tracking.opt.shop'))
    .option('--since <when>', ctx.t('tracking.opt.since'))
    .option('-o, --output <file>', ctx.t('opt.output'))
    .option('--excel', ctx.t('opt.excel'))
    .action((o) => run({ platform: o.platform, shop: o.shop, since: o.since, output: o.output, excel: Boolean(o.excel) }, ctx));
}

/** Shipped parcels in the layout the platform takes back (CSV or TSV, formula-safe), or JSON with --json. */
export async function orderExportTrackingRun(o: OrderExportTrackingOptions, ctx: Ctx): Promise<void> {
  const platform = await choosePlatform(ctx, o.platform);
  const { shops, shipments } = trackingExport(ctx.db(), { platform, shop: o.shop, since: o.since }, ctx.now());
  if (shops.length === 0) ctx.warn(ctx.t('tracking.noShop', { platform }));
  for (const s of shops) {
    if (!layoutFits(platform, s)) ctx.warn(ctx.t('tracking.otherPlatform', { shop: s.name, shopPlatform: s.platform, platform }));
  }
  let content: string;
  let rowCount = shipments.length;
  if (ctx.globals.json || ctx.globals.format === 'json') {
    const toTerminal = (o.output === undefined || o.output === '-') && ctx.io.stdoutIsTTY;
    content = `${JSON.stringify({ shipments: shipments.map(shipmentJson) }, null, toTerminal ? 2 : undefined)}\n`;
  } else {
    const file = LAYOUTS[platform](shipments);
    rowCount = file.rows.length;
    content = file.delimiter === 'tab' ? await renderTsv(file, o.excel) : await renderCsvFile(file, o.excel);
  }
  writeOutput(ctx, o.output, content);
  if (o.output && o.output !== '-') ctx.info(ctx.t('tracking.done', { count: shipments.length, rows: rowCount, file: o.output }));
}

/** --platform, else a choice on a terminal, else exit 2 naming the flag and its values. */
async function choosePlatform(ctx: Ctx, value: string | undefined): Promise<TrackingPlatform> {
  if (value !== undefined) return checkTrackingPlatform(value);
  const platforms = TRACKING_PLATFORMS.join(', ');
  if (!ctx.canPrompt()) throw usageError('input.missingFlag', { flag: '--platform' }, { key: 'tracking.platformMissing.hint', params: { platforms } });
  const choices = TRACKING_PLATFORMS.map((p) => ({ value: p, name: `${p}: ${ctx.t(LAYOUT_NAMES[p])}` }));
  return ctx.prompter.select(ctx.t('tracking.askPlatform'), choices);
}

/** CSV through the shared renderer: RFC 4180 quoting, CRLF, formula-safe cells, a BOM with --excel. */
async function renderCsvFile(file: TrackingFile, bom: boolean): Promise<string> {
  const { renderCsv } = await import('../../render/csv.js');
  const columns = file.header.map((h) => ({ key: h, label: h }));
  const rows = file.rows.map((r) => Object.fromEntries(file.header.map((h, i) => [h, r[i] ?? null])));
  return renderCsv({ columns, rows }, bom);
}

/**
 * Tab-separated, CRLF, no quoting (Amazon flat files have none): a TAB or newline inside a cell becomes a
 * space, and a cell that a spreadsheet would run as a formula gets a leading apostrophe, as in CSV.
 */
async function renderTsv(file: TrackingFile, bom: boolean): Promise<string> {
  const { formulaSafe } = await import('../../render/csv.js');
  const clean = (cell: string) => formulaSafe(cell.replace(/[\t\r\n]+/g, ' '));
  const lines = [file.header.join('\t'), ...file.rows.map((r) => r.map(clean).join('\t'))];
  return `${bom ? '\uFEFF' : ''}${lines.map((l) => `${l}\r\n`).join('')}`;
}

/** The JSON contract: stable English keys, the order number as text, instants in UTC. */
function shipmentJson(s: TrackedShipment) {
  return {
    id: s.id,
    shop: s.shop,
    platform: s.platform,
    order: s.order,
    carrier: s.carrier,
    carrierName: carrierNames(s.carrier).name,
    trackingNumber: s.trackingNumber,
    trackingUrl: trackingUrl(s.carrier, s.trackingNumber),
    shippedAt: new Date(s.shippedAt).toISOString(),
    items: s.items.map((i) => ({ lineKey: i.lineKey, sku: i.sku, platformSku: i.platformSku, title: i.title, quantity: i.quantity })),
  };
}
