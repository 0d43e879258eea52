import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { invalidData, ShopkeepError, usageError, type Detail } from '../errors.js';
import { resolveShop } from '../shops/shops.js';
import { parseCsv } from '../text/csv.js';
import { decodeText } from '../text/decode.js';
import { adValues, upsertAd, type AdFieldNames } from './ads.js';
import { blank, rowReader } from './values.js';

type Field = 'day' | 'shop' | 'channel' | 'campaign' | 'currency' | 'spend' | 'impressions' | 'clicks' | 'orders' | 'revenue';

/** shopkeep's ads layout (templates/ads.csv); each column also answers to the Chinese header shown. */
export const AD_COLUMNS: Record<Field, string[]> = {
  day: ['day', 'date', '日期'],
  shop: ['shop', '店铺'],
  channel: ['channel', '渠道'],
  campaign: ['campaign', '计划', '推广计划'],
  currency: ['currency', '币种'],
  spend: ['spend', 'cost', '花费'],
  impressions: ['impressions', '展现量'],
  clicks: ['clicks', '点击量'],
  orders: ['orders', '成交笔数'],
  revenue: ['revenue', '成交金额'],
};
const REQUIRED: Field[] = ['day', 'channel', 'campaign', 'spend'];

export interface AdImportSummary {
  file: string;
  encoding: string;
  rows: number;
  new: number;
  replaced: number;
  unchanged: number;
  dryRun: boolean;
}

class DryRun {
  constructor(readonly summary: AdImportSummary) {}
}

function adHeader(header: string[], file: string): Map<Field, number> {
  const index = new Map<Field, number>();
  header.forEach((raw, i) => {
    const name = raw.replace(/^\uFEFF/, '').trim().toLowerCase();
    const field = (Object.keys(AD_COLUMNS) as Field[]).find((f) => AD_COLUMNS[f].includes(name));
    if (!field) throw invalidData('csv.unknownColumn', { file, column: raw, known: Object.keys(AD_COLUMNS).join(', ') });
    if (index.has(field)) throw invalidData('csv.duplicateColumn', { file, column: name });
    index.set(field, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw invalidData('csv.missingColumns', { file, columns: missing.map((f) => AD_COLUMNS[f].join(' / ')).join(', ') }, { key: 'adsImport.missingColumns.hint' });
  }
  return index;
}

/** Messages name each column as the file's header writes it (花费, not spend). */
function fieldNames(header: string[], index: Map<Field, number>): AdFieldNames {
  const written = (f: Field) => (index.has(f) ? header[index.get(f)!]!.replace(/^\uFEFF/, '').trim() : AD_COLUMNS[f][0]!);
  return {
    date: written('day'), channel: written('channel'), campaign: written('campaign'), currency: written('currency'), spend: written('spend'),
    impressions: written('impressions'), clicks: written('clicks'), orders: written('orders'), revenue: written('revenue'),
  };
}

/** Imports daily ad figures all-or-nothing (exit 5 listing every bad line); same shop/day/channel/campaign replaces. */
export function importAds(db: Db, bytes: Uint8Array, file: string, options: { shop?: string; dryRun: boolean }): AdImportSummary {
  const { text, encoding } = decodeText(bytes, file);
  const [header, ...records] = parseCsv(text, file);
  if (!header) throw invalidData('csv.empty', { file });
  const index = adHeader(header.cells, file);
  const names = fieldNames(header.cells, index);
  // A row Excel leaves with only separators (",,,") is no row.
  const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const summary: AdImportSummary = { file, encoding, rows: rows.length, new: 0, replaced: 0, unchanged: 0, dryRun: options.dryRun };
  try {
    return writeTransaction(db, () => {
      const errors: Detail[] = [];
      const seen = new Map<string, number>();
      for (const row of rows) {
        const { get, optional, required } = rowReader(index, row.cells);
        try {
          const shop = resolveShop(db, blank(optional('shop')) ? options.shop : get('shop')!.trim());
          const v = adValues(
            {
              date: required('day', names.date), channel: required('channel', names.channel), campaign: required('campaign', names.campaign), currency: optional('currency'),
              spend: required('spend', names.spend), impressions: optional('impressions'), clicks: optional('clicks'), orders: optional('orders'), revenue: optional('revenue'),
            },
            shop,
            names,
          );
          const key = JSON.stringify([v.shopId, v.day, v.channel, v.campaign]);
          if (seen.has(key)) throw usageError('adsImport.duplicate', { line: seen.get(key)! });
          seen.set(key, row.line);
          summary[upsertAd(db, v)]++;
        } catch (error) {
          if (!(error instanceof ShopkeepError)) throw error;
          errors.push({ line: row.line, key: error.key, params: error.params });
        }
      }
      if (errors.length > 0) throw invalidData('adsImport.rejected', { file, count: errors.length }, { key: 'adsImport.rejected.hint' }, errors);
      if (options.dryRun) throw new DryRun(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.summary;
    throw error;
  }
}
