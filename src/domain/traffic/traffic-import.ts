import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { findSku } from '../catalog/lookup.js';
import { invalidData, ShopkeepError, usageError, type Detail } from '../errors.js';
import { resolveShop } from '../shops/shops.js';
import { headerIndex, parseCsv, type CsvRecord } from '../text/csv.js';
import { decodeText } from '../text/decode.js';
import { trafficValues, upsertTraffic, type TrafficFieldNames } from './traffic.js';
import { blank } from './values.js';

export const TRAFFIC_LAYOUTS = ['shopkeep', 'sycm', 'shopify'] as const;
export type TrafficLayout = (typeof TRAFFIC_LAYOUTS)[number];

type Field = 'day' | 'shop' | 'sku' | 'source' | 'visitors' | 'page_views' | 'bounced' | 'bounce_rate' | 'avg_seconds' | 'add_to_cart' | 'favourites';

/** shopkeep's own layout (templates/traffic.csv); `bounce_rate` may stand in for `bounced`. */
export const TRAFFIC_COLUMNS = ['day', 'shop', 'sku', 'source', 'visitors', 'page_views', 'bounced', 'bounce_rate', 'avg_seconds', 'add_to_cart', 'favourites'] as const;
const REQUIRED: readonly Field[] = ['day', 'visitors', 'page_views'];

/**
 * Header names ASSUMED for exports of other tools (documented in docs/traffic-ads.md). The first name present wins;
 * other columns of those exports are ignored.
 */
const ALIASES: Record<Exclude<TrafficLayout, 'shopkeep'>, Partial<Record<Field, string[]>>> = {
  sycm: {
    day: ['统计日期', '日期'],
    sku: ['商家编码', '商品编码'],
    source: ['流量来源', '来源名称', '来源'],
    visitors: ['访客数'],
    page_views: ['浏览量'],
    bounce_rate: ['跳失率'],
    avg_seconds: ['平均停留时长', '平均停留时长(秒)', '平均停留时长（秒）', '人均停留时长(秒)'],
    add_to_cart: ['加购人数', '加购件数'],
    favourites: ['收藏人数', '商品收藏人数', '店铺收藏人数'],
  },
  shopify: {
    day: ['day', 'date'],
    sku: ['product variant sku', 'variant sku', 'sku'],
    source: ['referrer source', 'traffic source', 'referrer name'],
    visitors: ['online store visitors', 'visitors', 'sessions'],
    page_views: ['pageviews', 'page views'],
    bounce_rate: ['bounce rate'],
    avg_seconds: ['average session duration', 'avg. session duration', 'average session duration (seconds)'],
    add_to_cart: ['sessions with cart additions', 'added to cart'],
  },
};

const NAMES: TrafficFieldNames = {
  date: 'day', visitors: 'visitors', pageViews: 'page_views', bounced: 'bounced', bounceRate: 'bounce_rate', avgTime: 'avg_seconds', addToCart: 'add_to_cart', favourites: 'favourites',
};

export interface TrafficImportSummary {
  file: string;
  encoding: string;
  layout: TrafficLayout;
  rows: number;
  new: number;
  replaced: number;
  unchanged: number;
  dryRun: boolean;
}

class DryRun {
  constructor(readonly summary: TrafficImportSummary) {}
}

const norm = (cell: string) => cell.replace(/^\uFEFF/, '').trim().toLowerCase();
/** Exports write "-" or "--" for "no figure". */
const cell = (v: string | undefined) => (v === undefined || /^-{1,2}$/.test(v.trim()) ? undefined : v.replace(/^'(?=[=+\-@])/, ''));

function aliasIndex(header: string[], layout: Exclude<TrafficLayout, 'shopkeep'>): Map<Field, number> {
  const names = header.map(norm);
  const index = new Map<Field, number>();
  for (const [field, aliases] of Object.entries(ALIASES[layout]) as [Field, string[]][]) {
    const i = aliases.map((a) => names.indexOf(a.toLowerCase())).find((n) => n >= 0);
    if (i !== undefined) index.set(field, i);
  }
  return index;
}

function detect(header: string[]): TrafficLayout | undefined {
  const names = header.map(norm);
  if (names.includes('visitors') && names.includes('page_views')) return 'shopkeep';
  if (names.includes('统计日期') || names.includes('访客数')) return 'sycm';
  // A date and visitors under any of the names its layout takes (Shopify's reports name them in several ways).
  const named = (field: Field) => ALIASES.shopify[field]!.some((a) => names.includes(a));
  if (named('day') && named('visitors')) return 'shopify';
  return undefined;
}

/** The header row: the first record (of the first ten: 生意参谋 puts a title above it) whose layout is known. */
function findHeader(records: CsvRecord[], wanted: TrafficLayout | 'auto'): { at: number; layout: TrafficLayout } | undefined {
  for (let i = 0; i < Math.min(records.length, 10); i++) {
    const layout = detect(records[i]!.cells);
    if (layout && (wanted === 'auto' || wanted === layout)) return { at: i, layout };
  }
  if (wanted !== 'auto' && records.length > 0) return { at: 0, layout: wanted };
  return undefined;
}

/**
 * Imports daily traffic all-or-nothing: every row is checked inside one transaction and any bad row rolls the whole
 * file back, listing every bad line (exit 5). Re-importing is idempotent: the same shop, day, SKU and source replace
 * the stored row. --dry-run does the work and rolls back.
 */
export function importTraffic(db: Db, bytes: Uint8Array, file: string, options: { shop?: string; layout?: string; dryRun: boolean }): TrafficImportSummary {
  const wanted = (options.layout ?? 'auto').trim().toLowerCase();
  if (wanted !== 'auto' && !(TRAFFIC_LAYOUTS as readonly string[]).includes(wanted)) {
    throw usageError('input.oneOf', { field: '--layout', value: options.layout!, choices: ['auto', ...TRAFFIC_LAYOUTS].join(', ') });
  }
  const { text, encoding } = decodeText(bytes, file);
  const records = parseCsvLoose(text, file);
  if (records.length === 0) throw invalidData('csv.empty', { file });
  const found = findHeader(records, wanted as TrafficLayout | 'auto');
  if (!found) throw invalidData('trafficImport.unknownLayout', { file }, { key: 'trafficImport.unknownLayout.hint' });
  const header = records[found.at]!.cells;
  const index: Map<Field, number> =
    found.layout === 'shopkeep' ? headerIndex(header, TRAFFIC_COLUMNS, REQUIRED, file) : aliasIndex(header, found.layout);
  const missing = REQUIRED.filter((f) => !index.has(f));
  if (missing.length > 0) throw invalidData('csv.missingColumns', { file, columns: missing.join(', ') });
  const rows = records.slice(found.at + 1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const summary: TrafficImportSummary = { file, encoding, layout: found.layout, rows: rows.length, new: 0, replaced: 0, unchanged: 0, dryRun: options.dryRun };
  try {
    return writeTransaction(db, () => {
      const errors: Detail[] = [];
      const seen = new Map<string, number>();
      const fallbackShop = () => resolveShop(db, options.shop);
      for (const row of rows) {
        const get = (f: Field) => (index.has(f) ? cell(row.cells[index.get(f)!]) : undefined);
        try {
          const shop = blank(get('shop')) ? fallbackShop() : resolveShop(db, get('shop')!.trim());
          const sku = blank(get('sku')) ? null : findSku(db, get('sku')!);
          const values = trafficValues(
            {
              date: get('day') ?? '', source: get('source'), visitors: get('visitors') ?? '', pageViews: get('page_views') ?? '', bounced: get('bounced'),
              bounceRate: get('bounce_rate'), avgTime: get('avg_seconds'), addToCart: get('add_to_cart'), favourites: get('favourites'),
            },
            shop.id,
            sku?.id ?? null,
            NAMES,
          );
          const key = JSON.stringify([values.shopId, values.day, values.skuId, values.source.toLowerCase()]);
          if (seen.has(key)) throw usageError('trafficImport.duplicate', { line: seen.get(key)! });
          seen.set(key, row.line);
          summary[upsertTraffic(db, values)]++;
        } catch (error) {
          if (!(error instanceof ShopkeepError)) throw error;
          errors.push({ line: row.line, key: error.key, params: error.params });
        }
      }
      if (errors.length > 0) throw invalidData('trafficImport.rejected', { file, count: errors.length }, { key: 'trafficImport.rejected.hint' }, errors);
      if (options.dryRun) throw new DryRun(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.summary;
    throw error;
  }
}

/** Title rows above a 生意参谋 header have fewer cells than the table: pad so csv-parse's cell-count check does not refuse them. */
function parseCsvLoose(text: string, file: string): CsvRecord[] {
  try {
    return parseCsv(text, file);
  } catch (error) {
    if (!(error instanceof ShopkeepError) || error.key !== 'csv.wrongCellCount') throw error;
    const lines = text.split(/\r?\n/);
    const start = lines.findIndex((l) => /统计日期|访客数/.test(l));
    if (start <= 0) throw error;
    // Keep line numbers right: blank out the title lines rather than dropping them.
    return parseCsv(lines.map((l, i) => (i < start ? '' : l)).join('\n'), file);
  }
}
