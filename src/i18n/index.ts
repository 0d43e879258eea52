import { en, type MessageKey } from './en.js';
import type { MessageParams } from '../domain/errors.js';

export type Lang = 'en' | 'zh-CN';
export type Messages = Record<MessageKey, string>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** --lang, else SHOPKEEP_LANG, else LC_ALL / LC_MESSAGES / LANG (any zh → zh-CN), else English. */
export function pickLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  const explicit = flag ?? env.SHOPKEEP_LANG;
  if (explicit !== undefined) return normaliseLang(explicit);
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

export function normaliseLang(value: string): Lang | undefined {
  if (/^en([-_].*)?$/i.test(value)) return 'en';
  if (/^zh([-_](cn|hans|sg).*)?$/i.test(value) || /^zh$/i.test(value)) return 'zh-CN';
  return undefined;
}

/** Loads only the catalogue in use: start-up time matters for cron. */
export async function loadMessages(lang: Lang): Promise<Messages> {
  return lang === 'zh-CN' ? (await import('./zh-CN.js')).zhCN : en;
}

/**
 * Fills {name} placeholders. {name:ns} translates the value through the key "ns.value" (each item of a
 * comma-separated list too), so codes such as order statuses read in the user's language.
 */
export function translator(messages: Messages): Translate {
  const lookup = (key: string) => (messages as Record<string, string>)[key] ?? (en as Record<string, string>)[key];
  return (key, params = {}) =>
    (lookup(key) ?? key).replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, ns: string | undefined) => {
      if (params[name] === undefined) return whole;
      const value = String(params[name]);
      if (ns === undefined) return value;
      return value
        .split(', ')
        .map((item) => lookup(`${ns}.${item}`) ?? item)
        .join(', ');
    });
}

export type { MessageKey };
