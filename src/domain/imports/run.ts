import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { usageError } from '../errors.js';
import { findShop, listShops } from '../shops/shops.js';
import { PLATFORMS, type Shop } from '../shops/types.js';
import { fileReadings, readFiles, readOrders, type InputFile, type Reading } from './parse-files.js';
import { PROFILES } from './profiles/index.js';
import type { Profile } from './types.js';
import { DryRun, PartialImport, UnitImport, type ImportResult } from './unit-import.js';
import type { BulkRule } from './deferred-indexes.js';
import { bundledScript, importUnitInWorker } from './worker-client.js';

export interface ImportOptions {
  shop?: string;
  /** auto, a platform name, or a profile id. */
  platform?: string;
  dryRun: boolean;
  skipBad: boolean;
  /** A profile from a --mapping file, used instead of the built-in ones. */
  mapping?: Profile;
  /** Bytes read of the import's files, and their size. */
  /** Bytes read of `total`, and orders applied so far. */
  onProgress?: (done: number, total: number, orders: number) => void;
  /** When report indexes are set aside for a bulk load (default BULK_RULE). */
  bulkRule?: BulkRule;
}

export type { ImportResult } from './unit-import.js';

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

/**
 * Imports order files. Each file (or pair) is one transaction: every order lands, or none does. Without
 * --skip-bad a single bad row rejects the file (exit 5, every bad line listed); with it, good rows land and
 * bad ones are returned for the rejects file. A dry run does all the work and rolls it back. Files are read
 * as their orders are written, so memory stays small whatever their size.
 */
export function importOrderFiles(db: Db, inputs: InputFile[], options: ImportOptions, now: number): ImportResult[] {
  const readings = readFiles(inputs, profilesFor(options));
  return units(readings).map((unit) => importUnit(db, unit, options, now));
}

/**
 * The same, with the files read and parsed in a worker thread while this one writes (the bundle ships the
 * worker; run from sources, this reads in-thread).
 */
export async function importOrderFilesInWorker(db: Db, inputs: InputFile[], options: ImportOptions, now: number): Promise<ImportResult[]> {
  const worker = bundledScript('import-reader.js');
  const readings = readFiles(inputs, profilesFor(options));
  const results: ImportResult[] = [];
  for (const unit of units(readings)) {
    try {
      results.push(worker ? await importUnitInWorker(db, worker, unit, prepareUnit(db, unit, options, now), options) : importUnit(db, unit, options, now));
    } catch (error) {
      throw results.length > 0 ? new PartialImport(results, error) : error;
    }
  }
  return results;
}


/** What both ways of importing a file need first: its shop (and so its zone), its size, and a fresh run. */
export type PreparedUnit = ReturnType<typeof prepareUnit>;

function prepareUnit(db: Db, unit: Reading[], options: ImportOptions, now: number) {
  const shop = shopFor(db, unit, options.shop);
  const file = unit.map((r) => r.file).join(' + ');
  const profile = unit.map((r) => r.profile.id).join(' + ');
  const total = unit.reduce((sum, r) => sum + r.size, 0);
  return { shop, total, ctx: { zone: shop.timezone, currency: shop.currency, shop: shop.name }, start: () => new UnitImport(db, shop, file, profile, options, now) };
}

function importUnit(db: Db, unit: Reading[], options: ImportOptions, now: number): ImportResult {
  const { total, ctx, start } = prepareUnit(db, unit, options, now);
  let read = 0;
  let applied = 0;
  const onBytes = (bytes: number) => options.onProgress?.((read += bytes), total, applied);
  try {
    return readOrders(
      unit,
      ctx,
      (orders, log) => {
        read = 0;
        applied = 0;
        return writeTransaction(db, () => {
          const run = start();
          for (const order of orders) {
            run.apply(order, log.rejected.length);
            applied++;
          }
          return run.finish(fileReadings(unit), log);
        });
      },
      onBytes,
    );
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}
