import { usageError } from './errors.js';

/** Minor-unit digits for currencies that differ from the ISO default of 2. */
const DECIMALS: Record<string, number> = {
  JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, UGX: 0, XAF: 0, XOF: 0, PYG: 0, RWF: 0, KMF: 0, GNF: 0, VUV: 0, XPF: 0, DJF: 0,
  KWD: 3, BHD: 3, OMR: 3, JOD: 3, IQD: 3, LYD: 3, TND: 3,
};

const SYMBOLS: Record<string, string> = {
  CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: 'JP¥', HKD: 'HK$', TWD: 'NT$', KRW: '₩', AUD: 'A$', CAD: 'CA$', INR: '₹',
};

let knownCurrencies: Set<string> | undefined;

export function isCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

export function currencyDecimals(currency: string): number {
  return DECIMALS[currency] ?? 2;
}

/**
 * Parses a typed or exported amount ("12.5", "¥1,234.50", "1234.5元", "$12.34") into integer minor units
 * without going through floating point. Anything with more decimals than the currency has, several
 * separators in odd places, or a sign where none is allowed is refused, naming the field.
 */
export function parseMoney(text: string, currency: string, field: string, allowNegative = false): number {
  const refuse = () =>
    usageError('money.invalid', { field, value: text, currency, decimals: currencyDecimals(currency) });
  // Most amounts are plain digits: no symbol, sign or separator to strip (the order files have millions).
  const plain = PLAIN.exec(text);
  if (plain) return toMinor(plain[1]!, plain[2] ?? '', currency, refuse);
  let s = text.trim().replace(/^[¥￥$€£₩₹]|^(?:[A-Z]{3}|[A-Z]{1,2}\$)\s*/u, '').replace(/\s*(?:元|[A-Z]{3})$/u, '').trim();
  let negative = false;
  if (s.startsWith('-')) {
    if (!allowNegative) throw refuse();
    negative = true;
    s = s.slice(1);
  }
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^\.\d+$/.test(s)) throw refuse();
  const [whole = '0', fraction = ''] = s.replace(/,/g, '').split('.');
  const minor = toMinor(whole, fraction, currency, refuse);
  return negative ? -minor : minor;
}

const PLAIN = /^(\d+)(?:\.(\d*))?$/;

/** Whole and fraction digits to minor units; more significant decimals than the currency has are refused. */
function toMinor(whole: string, fraction: string, currency: string, refuse: () => Error): number {
  const decimals = currencyDecimals(currency);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > decimals) throw refuse();
  const minor = Number(whole || '0') * 10 ** decimals + Number(fraction.padEnd(decimals, '0').slice(0, decimals) || '0');
  if (!Number.isSafeInteger(minor)) throw refuse();
  return minor;
}

/** "1234.50" for (123450, CNY): exact, from the integer, for files and JSON. */
export function formatAmount(minor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  if (decimals === 0) return sign + digits;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/**
 * The SQL expression that renders `minor` of `currency` exactly as formatAmount does, for JSON built inside
 * SQLite (a JS callback per row costs more than the whole query on a cold start).
 */
export function amountSql(minor: string, currency: string): string {
  const byDecimals = new Map<number, string[]>();
  for (const [code, d] of Object.entries(DECIMALS)) byDecimals.set(d, [...(byDecimals.get(d) ?? []), `'${code}'`]);
  const render = (d: number) =>
    d === 0 ? `CAST(${minor} AS TEXT)` : `printf('%s%d.%0${d}d', CASE WHEN ${minor} < 0 THEN '-' ELSE '' END, abs(${minor}) / ${10 ** d}, abs(${minor}) % ${10 ** d})`;
  const cases = [...byDecimals].map(([d, codes]) => `WHEN ${currency} IN (${codes.join(', ')}) THEN ${render(d)}`).join(' ');
  return `CASE WHEN ${minor} IS NULL THEN NULL ${cases} ELSE ${render(2)} END`;
}

/** "¥1,234.50" for people. */
export function formatMoney(minor: number, currency: string): string {
  const plain = formatAmount(Math.abs(minor), currency);
  const [whole = '', fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  return `${minor < 0 ? '-' : ''}${symbol}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Currencies written with a bare "$" (dollars and the pesos that write theirs so). */
const DOLLAR_SIGN = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'MXN', 'BRL', 'ARS', 'CLP', 'COP', 'UYU', 'DOP', 'CUP', 'BSD', 'BBD', 'BZD', 'BMD', 'BND', 'KYD', 'FJD', 'GYD', 'JMD', 'LRD', 'NAD', 'SBD', 'SRD', 'TTD', 'XCD']);
/** "US$", "HK$", "A$" …: a dollar that names its country fits that currency only. */
const NAMED_DOLLARS: Record<string, string> = { US: 'USD', HK: 'HKD', A: 'AUD', AU: 'AUD', C: 'CAD', CA: 'CAD', NZ: 'NZD', S: 'SGD', SG: 'SGD', NT: 'TWD', MX: 'MXN', R: 'BRL' };
const SIGN_CURRENCIES: Record<string, readonly string[]> = { '¥': ['CNY', 'JPY'], '￥': ['CNY', 'JPY'], 元: ['CNY'], RMB: ['CNY'], '€': ['EUR'], '£': ['GBP'], '₩': ['KRW'], '₹': ['INR'] };

/** Whether a currency mark ("$", "US$", "¥", "元", "RMB", "EUR") can stand for `currency`: "$" fits USD and CAD, "US$" USD only. */
export function currencyMarkFits(mark: string, currency: string): boolean {
  if (mark === '$') return DOLLAR_SIGN.has(currency);
  if (mark.endsWith('$')) return NAMED_DOLLARS[mark.slice(0, -1)] === currency;
  return SIGN_CURRENCIES[mark]?.includes(currency) ?? mark === currency;
}

/**
 * Whether the symbols or codes written around an amount (those parseMoney steps over without reading) all fit
 * `currency`: "$120" and "120 USD" fit USD, not CNY; a plain number fits any currency.
 */
export function amountFitsCurrency(text: string, currency: string): boolean {
  const t = text.trim();
  const prefix = /^(?:[¥￥$€£₩₹]|[A-Z]{3}|[A-Z]{1,2}\$)/u.exec(t)?.[0];
  const suffix = /(?:元|[A-Z]{3})$/u.exec(prefix === undefined ? t : t.slice(prefix.length).trim())?.[0];
  return [prefix, suffix].every((mark) => mark === undefined || currencyMarkFits(mark, currency));
}
