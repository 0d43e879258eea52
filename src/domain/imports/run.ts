import { createHash } from 'node:crypto';
import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as iq from '../../db/queries/imports.js';
import { invalidData, usageError, type Detail } from '../errors.js';
import { findShop, listShops } from '../shops/shops.js';
import { PLATFORMS, type Shop } from '../shops/types.js';
import { applyOrder, ImportCache } from './apply.js';
import { buildOrders, readFiles, type InputFile, type Reading, type Rejected } from './parse-files.js';
import { PROFILES } from './profiles/index.js';
import { RowError, type Profile } from './types.js';

export interface ImportOptions {
  shop?: string;
  /** auto, a platform name, or a profile id. */
  platform?: string;
  dryRun: boolean;
  skipBad: boolean;
  /** A profile from a --mapping file, used instead of the built-in ones. */
  mapping?: Profile;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  file: string;
  profile: string;
  encoding: string;
  matched: number;
  of: number;
  shop: string;
  orders: { new: number; updated: number; unchanged: number };
  lines: number;
  rejected: number;
  dryRun: boolean;
  warnings: Detail[];
  rejects: Rejected[];
  negativeStock: string[];
}

class DryRun {
  constructor(readonly result: ImportResult) {}
}

function profilesFor(options: ImportOptions): readonly Profile[] {
  if (options.mapping) return [options.mapping];
  const p = options.platform?.trim().toLowerCase();
  if (!p || p === 'auto') return PROFILES;
  const chosen = PROFILES.filter((x) => x.id === p || x.platform === p || (p === 'tmall' && x.platform === 'taobao'));
  if (chosen.length === 0) throw usageError('import.platformUnknown', { value: options.platform!, platforms: PLATFORMS.join(', '), profiles: PROFILES.map((x) => x.id).join(', ') });
  return chosen;
}

/** The shop a file goes to: the one named, else the only shop on the file's platform, else the only shop. */
function shopFor(db: Db, readings: Reading[], name?: string): Shop {
  if (name !== undefined) return findShop(db, name);
  const platform = readings[0]!.profile.platform;
  const shops = listShops(db);
  const onPlatform = shops.filter((s) => s.platform === platform || (platform === 'taobao' && s.platform === 'tmall'));
  if (onPlatform.length === 1) return onPlatform[0]!;
  if (onPlatform.length > 1) throw usageError('import.whichShop', { platform, count: onPlatform.length }, { key: 'import.whichShop.hint' });
  if (shops.length === 1 && platform === 'other') return shops[0]!;
  throw usageError('import.noShop', { platform }, { key: 'import.noShop.hint', params: { platform } });
}

/** Files that belong together (the two halves of one Taobao or Etsy export) are one import; others one each. */
function units(readings: Reading[]): Reading[][] {
  const groups = new Map<string, Reading[]>();
  const out: Reading[][] = [];
  for (const r of readings) {
    const group = r.profile.part?.group;
    if (!group) out.push([r]);
    else if (groups.has(group)) groups.get(group)!.push(r);
    else {
      const unit = [r];
      groups.set(group, unit);
      out.push(unit);
    }
  }
  return out;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Imports order files. Each file (or pair) is one transaction: every order lands, or none does. Without
 * --skip-bad a single bad row rejects the file (exit 5, every bad line listed); with it, good rows land and
 * bad ones are returned for the rejects file. A dry run does all the work and rolls it back.
 */
export function importOrderFiles(db: Db, inputs: InputFile[], options: ImportOptions, now: number): ImportResult[] {
  const readings = readFiles(inputs, profilesFor(options));
  const hashes = new Map(inputs.map((i) => [i.name, sha256(i.bytes)]));
  return units(readings).map((unit) => importUnit(db, unit, hashes, options, now));
}

function importUnit(db: Db, unit: Reading[], hashes: Map<string, string>, options: ImportOptions, now: number): ImportResult {
  const shop = shopFor(db, unit, options.shop);
  const parsed = buildOrders(unit, { zone: shop.timezone, currency: shop.currency, shop: shop.name });
  const file = unit.map((r) => r.file).join(' + ');
  const first = parsed.files[0]!;
  if (parsed.rejected.length > 0 && !options.skipBad) {
    throw invalidData('import.rejectedAll', { file, count: parsed.rejected.length }, { key: 'import.rejectedAll.hint' }, parsed.rejected.map((r) => r.detail).slice(0, 200));
  }
  const result: ImportResult = {
    file,
    profile: parsed.files.map((f) => f.profile.id).join(' + '),
    encoding: first.encoding,
    matched: first.matched,
    of: first.of,
    shop: shop.name,
    orders: { new: 0, updated: 0, unchanged: 0 },
    lines: 0,
    rejected: parsed.rejected.length,
    dryRun: options.dryRun,
    warnings: parsed.warnings,
    rejects: [...parsed.rejected],
    negativeStock: [],
  };
  try {
    return writeTransaction(db, () => {
      const negative = new Set<string>();
      const cache = new ImportCache();
      parsed.orders.forEach((order, i) => {
        try {
          // applyOrder refuses an order (another currency) before it writes anything: no savepoint needed.
          const applied = applyOrder(db, shop, order, `${file} (${result.profile})`, now, cache);
          result.orders[applied.outcome]++;
          result.lines += applied.lines;
          applied.negative.forEach((code) => negative.add(code));
        } catch (error) {
          if (!(error instanceof RowError)) throw error;
          result.rejects.push({ file, line: order.line, detail: { line: order.line, key: error.key, params: error.params }, cells: [order.platformOrderId] });
          result.rejected++;
        }
        options.onProgress?.(i + 1, parsed.orders.length);
      });
      result.negativeStock = [...negative].sort();
      if (result.rejects.length > parsed.rejected.length && !options.skipBad) {
        throw invalidData('import.rejectedAll', { file, count: result.rejected }, { key: 'import.rejectedAll.hint' }, result.rejects.map((r) => r.detail));
      }
      if (options.dryRun) throw new DryRun(result);
      iq.insertImportRun(db, {
        shopId: shop.id,
        files: parsed.files.map((f) => ({ name: f.file, sha256: hashes.get(f.file), profile: f.profile.id, encoding: f.encoding, rows: f.rows })),
        ordersNew: result.orders.new,
        ordersUpdated: result.orders.updated,
        ordersUnchanged: result.orders.unchanged,
        lines: result.lines,
        rejected: result.rejected,
        startedAt: now,
        finishedAt: now,
      });
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}
