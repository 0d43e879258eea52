import { usageError } from '../errors.js';
import { validDate } from '../time.js';

/** A calendar day "YYYY-MM-DD" (also 2026/11/25 and 2026.11.25 as spreadsheets write them), checked to exist. */
export function checkDay(text: string, field: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw usageError('traffic.dayInvalid', { field, value: text });
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** A count of zero or more; exports often group thousands ("1,234"). */
export function checkCount(text: string, field: string): number {
  const t = text.trim();
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d{1,12})$/.test(t)) throw usageError('input.notCount', { field, value: text });
  const n = Number(t.replace(/,/g, ''));
  if (!Number.isSafeInteger(n)) throw usageError('input.notCount', { field, value: text });
  return n;
}

/** "45%", "45.2%" or a fraction "0.452" → a fraction between 0 and 1. A bare number above 1 is read as a percentage. */
export function checkRate(text: string, field: string): number {
  const t = text.trim();
  const m = /^(\d+(?:\.\d+)?)\s*(%)?$/.exec(t);
  if (!m) throw usageError('traffic.rateInvalid', { field, value: text });
  const n = Number(m[1]);
  const rate = m[2] !== undefined || n > 1 ? n / 100 : n;
  if (rate < 0 || rate > 1) throw usageError('traffic.rateInvalid', { field, value: text });
  return rate;
}

/** Seconds: "90", "90.4" (rounded), "1m30s", "2m", "45s", "1:30", "00:01:30". */
export function checkDuration(text: string, field: string): number {
  const t = text.trim().toLowerCase();
  let seconds: number | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d+(?:\.\d+)?)\s*(?:s|秒)?$/.exec(t))) seconds = Number(m[1]);
  else if ((m = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+(?:\.\d+)?)\s*s)?$/.exec(t)) && t !== '') seconds = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  else if ((m = /^(?:(\d+):)?([0-5]?\d):([0-5]\d(?:\.\d+)?)$/.exec(t))) seconds = Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  if (seconds === undefined || !Number.isFinite(seconds) || seconds > 86_400 * 366) throw usageError('traffic.durationInvalid', { field, value: text });
  return Math.round(seconds);
}

export const blank = (v: string | undefined): v is undefined => v === undefined || v.trim() === '';

/** Exports write "-" or "--" for "no figure". */
const noFigure = (v: string | undefined): v is string => v !== undefined && /^-{1,2}$/.test(v.trim());

/**
 * One row of a traffic or ads import, read by field: a spreadsheet's text guard (a leading ') taken off; "-" is no
 * figure, as an empty cell is; a required cell says plainly when it is empty or "-" (not `visitors: "" is not a whole
 * number`).
 */
export function rowReader<F>(index: ReadonlyMap<F, number>, cells: readonly string[]) {
  const get = (f: F) => (index.has(f) ? cells[index.get(f)!]?.replace(/^'(?=[=+\-@])/, '') : undefined);
  const optional = (f: F) => {
    const v = get(f);
    return noFigure(v) ? undefined : v;
  };
  const required = (f: F, field: string): string => {
    const v = get(f);
    if (blank(v)) throw usageError('trafficCell.empty', { field });
    if (noFigure(v)) throw usageError('trafficCell.noFigure', { field, value: v.trim() });
    return v;
  };
  return { get, optional, required };
}

/** The ad channels the schema knows, with the names sellers see in their back-office. */
export const CHANNELS = ['ztc', 'yinli', 'wanxiangtai', 'qianchuan', 'ddss', 'google', 'meta', 'amazon', 'affiliate', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Besides these, every label shopkeep prints (adChannel.* in both languages) is a name: a test keeps them in step. */
const CHANNEL_NAMES: Record<Channel, string[]> = {
  ztc: ['直通车', 'zhitongche', '淘宝直通车'],
  yinli: ['引力魔方', 'yinlimofang', '超级推荐', '钻展', '钻石展位'],
  wanxiangtai: ['万相台', '万相台无界', '万相台无界版', 'wxt'],
  qianchuan: ['巨量千川', '千川', 'qianchuan', 'juliangqianchuan'],
  ddss: ['多多搜索', '多多场景', '多多推广', '全站推广', 'pddsearch', 'duoduosearch'],
  google: ['googleads', 'google ads', 'adwords', '谷歌', '谷歌广告', 'google广告'],
  meta: ['facebook', 'facebookads', 'metaads', 'meta广告', 'instagram', 'fb'],
  amazon: ['amazonads', 'sponsoredproducts', '亚马逊广告', '亚马逊'],
  affiliate: ['cps', 'affiliate/cps', '淘宝客', '淘客', '联盟', '多多进宝', '精选联盟', '联盟推广', '联盟推广/cps'],
  other: ['其他', '其它'],
};

const squash = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, '');
const LOOKUP = new Map<string, Channel>();
for (const c of CHANNELS) {
  LOOKUP.set(c, c);
  for (const name of CHANNEL_NAMES[c]) LOOKUP.set(squash(name), c);
}

/**
 * A channel code from its code or an English or Chinese name (直通车 → ztc, "Google Ads" → google), or from the
 * "中文 (English)" label shopkeep prints, when both names are the same channel's.
 */
export function checkChannel(text: string, field: string): Channel {
  const named = (name: string) => LOOKUP.get(squash(name));
  const both = /^(.+?)[(（](.+)[)）]$/u.exec(text.trim());
  const c = named(text) ?? (both && named(both[1]!) === named(both[2]!) ? named(both[1]!) : undefined);
  if (!c) throw usageError('input.oneOf', { field, value: text, choices: CHANNELS.join(', ') });
  return c;
}

export function checkCampaign(text: string, field: string): string {
  const c = text.trim().replace(/\s+/g, ' ');
  if (c === '' || c.length > 200) throw usageError('input.required', { field });
  return c;
}

export function checkSource(text: string | undefined): string {
  return (text ?? '').trim().replace(/\s+/g, ' ').slice(0, 100);
}

/** Ratios for reports: null when the denominator is zero. */
export const ratio = (num: number, den: number, digits = 4): number | null => (den === 0 ? null : Math.round((num / den) * 10 ** digits) / 10 ** digits);
