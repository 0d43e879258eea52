import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { findSku } from '../catalog/lookup.js';
import { invalidData, ShopkeepError, usageError, type Detail } from '../errors.js';
import { resolveShop } from '../shops/shops.js';
import { headerIndex, parseCsv, sniffDelimiter } from '../text/csv.js';
import { decodeText } from '../text/decode.js';
import { trafficValues, upsertTraffic, type TrafficFieldNames } from './traffic.js';
import { blank, rowReader } from './values.js';

export const TRAFFIC_LAYOUTS = ['shopkeep', 'sycm', 'shopify'] as const;
export type TrafficLayout = (typeof TRAFFIC_LAYOUTS)[number];

type Field = 'day' | 'shop' | 'sku' | 'source' | 'visitors' | 'page_views' | 'bounced' | 'bounce_rate' | 'avg_seconds' | 'add_to_cart' | 'favourites';

/** shopkeep's own layout (templates/traffic.csv); `bounce_rate` may stand in for `bounced`. */
export const TRAFFIC_COLUMNS = ['day', 'shop', 'sku', 'source', 'visitors', 'page_views', 'bounced', 'bounce_rate', 'avg_seconds', 'add_to_cart', 'favourites'] as const;
const REQUIRED: readonly Field[] = ['day', 'visitors', 'page_views'];

/**
 * Header names ASSUMED for exports of other tools (documented in docs/traffic-ads.md), as the exports write them
 * (matched in any letter case). The first name present wins; other columns of those exports are ignored.
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
    day: ['Day', 'Date'],
    sku: ['Product variant SKU', 'Variant SKU', 'SKU'],
    source: ['Referrer source', 'Traffic source', 'Referrer name'],
    visitors: ['Online store visitors', 'Visitors', 'Sessions'],
    page_views: ['Pageviews', 'Page views'],
    bounce_rate: ['Bounce rate'],
    avg_seconds: ['Average session duration', 'Avg. session duration', 'Average session duration (seconds)'],
    add_to_cart: ['Sessions with cart additions', 'Added to cart'],
  },
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

/** The names a layout knows a field by, for messages about a column the file lacks. */
const expectedNames = (layout: TrafficLayout, field: Field) => (layout === 'shopkeep' ? [field] : (ALIASES[layout][field] ?? [field]));

/** Messages name each column as the file's header writes it (跳失率, not bounce_rate). */
function fieldNames(header: string[], index: Map<Field, number>, layout: TrafficLayout): TrafficFieldNames {
  const written = (f: Field) => (index.has(f) ? norm(header[index.get(f)!]!, false) : expectedNames(layout, f)[0]!);
  return {
    date: written('day'), visitors: written('visitors'), pageViews: written('page_views'), bounced: written('bounced'), bounceRate: written('bounce_rate'),
    avgTime: written('avg_seconds'), addToCart: written('add_to_cart'), favourites: written('favourites'),
  };
}

const norm = (cell: string, lower = true) => {
  const name = cell.replace(/^\uFEFF/, '').trim();
  return lower ? name.toLowerCase() : name;
};
const has = (names: string[], aliases: string[] | undefined) => (aliases ?? []).some((a) => names.includes(a.toLowerCase()));

function aliasIndex(header: string[], layout: Exclude<TrafficLayout, 'shopkeep'>): Map<Field, number> {
  const names = header.map((h) => norm(h));
  const index = new Map<Field, number>();
  for (const [field, aliases] of Object.entries(ALIASES[layout]) as [Field, string[]][]) {
    const i = aliases.map((a) => names.indexOf(a.toLowerCase())).find((n) => n >= 0);
    if (i !== undefined) index.set(field, i);
  }
  return index;
}

function detect(header: string[]): TrafficLayout | undefined {
  const names = header.map((h) => norm(h));
  if (names.includes('visitors') && names.includes('page_views')) return 'shopkeep';
  if (has(names, ['统计日期']) || has(names, ALIASES.sycm.visitors)) return 'sycm';
  // A date and visitors under any of the names its layout takes (Shopify's reports name them in several ways).
  if (has(names, ALIASES.shopify.day) && has(names, ALIASES.shopify.visitors)) return 'shopify';
  return undefined;
}

/** One line's cells split by `delimiter`; none when it does not read as CSV (a title line with a stray quote). */
function lineCells(line: string, delimiter: ',' | '\t', file: string): string[] {
  try {
    return parseCsv(line, file, delimiter)[0]?.cells ?? [];
  } catch (error) {
    if (error instanceof ShopkeepError) return [];
    throw error;
  }
}

interface HeaderAt {
  /** 0-based index into the text's lines. */
  line: number;
  delimiter: ',' | '\t';
  layout: TrafficLayout;
}

/**
 * The header: the first line (below up to ten that hold anything: 生意参谋 puts a title above it) whose cells, split
 * by comma or TAB, name a layout's columns. The delimiter is judged from that line, not from the title above it.
 */
function findHeader(lines: string[], wanted: TrafficLayout | 'auto', file: string): HeaderAt | undefined {
  let first: number | undefined;
  // Ten title lines and the header: eleven lines that hold anything.
  for (let i = 0, filled = 0; i < lines.length && filled < 11; i++) {
    if (lines[i]!.trim() === '') continue;
    first ??= i;
    filled++;
    for (const delimiter of [',', '\t'] as const) {
      const layout = detect(lineCells(lines[i]!, delimiter, file));
      if (layout && (wanted === 'auto' || wanted === layout)) return { line: i, delimiter, layout };
    }
  }
  if (wanted !== 'auto' && first !== undefined) return { line: first, delimiter: sniffDelimiter(lines[first]!), layout: wanted };
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
  const lines = text.split(/\r?\n/);
  if (lines.every((l) => l.trim() === '')) throw invalidData('csv.empty', { file });
  const found = findHeader(lines, wanted as TrafficLayout | 'auto', file);
  if (!found) throw invalidData('trafficImport.unknownLayout', { file }, { key: 'trafficImport.unknownLayout.hint' });
  // Title lines above the header are blanked rather than dropped, so that line numbers stay the file's.
  const records = parseCsv(found.line === 0 ? text : lines.map((l, i) => (i < found.line ? '' : l)).join('\n'), file, found.delimiter);
  const header = records[0]!.cells;
  const index: Map<Field, number> =
    found.layout === 'shopkeep' ? headerIndex(header, TRAFFIC_COLUMNS, [], file) : aliasIndex(header, found.layout);
  const missing = REQUIRED.filter((f) => !index.has(f));
  if (missing.length > 0) {
    const columns = missing.map((f) => expectedNames(found.layout, f).join(' / ')).join(', ');
    throw invalidData('csv.missingColumns', { file, columns }, { key: 'trafficImport.missingColumns.hint' });
  }
  const names = fieldNames(header, index, found.layout);
  const rows = records.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const summary: TrafficImportSummary = { file, encoding, layout: found.layout, rows: rows.length, new: 0, replaced: 0, unchanged: 0, dryRun: options.dryRun };
  try {
    return writeTransaction(db, () => {
      const errors: Detail[] = [];
      const seen = new Map<string, number>();
      const fallbackShop = () => resolveShop(db, options.shop);
      for (const row of rows) {
        const { get, optional, required } = rowReader(index, row.cells);
        try {
          const shop = blank(optional('shop')) ? fallbackShop() : resolveShop(db, get('shop')!.trim());
          const sku = blank(optional('sku')) ? null : findSku(db, get('sku')!);
          const values = trafficValues(
            {
              date: required('day', names.date), source: optional('source'), visitors: required('visitors', names.visitors), pageViews: required('page_views', names.pageViews),
              bounced: optional('bounced'), bounceRate: optional('bounce_rate'), avgTime: optional('avg_seconds'), addToCart: optional('add_to_cart'), favourites: optional('favourites'),
            },
            shop.id,
            sku?.id ?? null,
            names,
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
