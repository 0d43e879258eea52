import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { invalidData, ShopkeepError, usageError, type Detail } from '../errors.js';
import { resolveShop } from '../shops/shops.js';
import { parseCsv } from '../text/csv.js';
import { decodeText } from '../text/decode.js';
import { adValues, upsertAd, type AdFieldNames } from './ads.js';
import { blank } from './values.js';

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

const NAMES: AdFieldNames = { date: 'day', channel: 'channel', campaign: 'campaign', currency: 'currency', spend: 'spend', impressions: 'impressions', clicks: 'clicks', orders: 'orders', revenue: 'revenue' };

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
  if (missing.length > 0) throw invalidData('csv.missingColumns', { file, columns: missing.join(', ') });
  return index;
}

/** Imports daily ad figures all-or-nothing (exit 5 listing every bad line); same shop/day/channel/campaign replaces. */
export function importAds(db: Db, bytes: Uint8Array, file: string, options: { shop?: string; dryRun: boolean }): AdImportSummary {
  const { text, encoding } = decodeText(bytes, file);
  const [header, ...records] = parseCsv(text, file);
  if (!header) throw invalidData('csv.empty', { file });
  const index = adHeader(header.cells, file);
  const summary: AdImportSummary = { file, encoding, rows: records.length, new: 0, replaced: 0, unchanged: 0, dryRun: options.dryRun };
  try {
    return writeTransaction(db, () => {
      const errors: Detail[] = [];
      const seen = new Map<string, number>();
      for (const row of records) {
        const get = (f: Field) => (index.has(f) ? row.cells[index.get(f)!]?.replace(/^'(?=[=+\-@])/, '') : undefined);
        try {
          const shop = resolveShop(db, blank(get('shop')) ? options.shop : get('shop')!.trim());
          const v = adValues(
            { date: get('day') ?? '', channel: get('channel') ?? '', campaign: get('campaign') ?? '', currency: get('currency'), spend: get('spend') ?? '', impressions: get('impressions'), clicks: get('clicks'), orders: get('orders'), revenue: get('revenue') },
            shop,
            NAMES,
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
