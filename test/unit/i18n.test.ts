import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { normaliseLang, pickLang, translator } from '../../src/i18n/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+(?::\w+)?)\}/g)].map((m) => m[1]).sort();
const flags = (text: string) => [...text.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]).sort();

describe('messages', () => {
  it('Chinese has every English key with the same placeholders and flags, and is translated', () => {
    const untranslated: string[] = [];
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
      expect(flags(zhCN[key]), key).toEqual(flags(en[key]));
      if (/[a-z]{4,} [a-z]{4,}/.test(zhCN[key]) && !/[\u4e00-\u9fff]/.test(zhCN[key])) untranslated.push(key);
    }
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator(en);
    expect(t('shop.exists', { name: 'Tea' })).toBe('a shop named "Tea" already exists');
    expect(t('shop.exists')).toContain('{name}');
  });

  it('translates codes through a namespace, lists too', () => {
    const t = translator(zhCN);
    expect(t('order.badTransition', { order: 'A1', from: 'shipped', to: 'cancelled', allowed: 'delivered, completed' })).toBe(
      '订单 A1 当前为已发货，不能变为已取消（可变为：已签收, 已完成）',
    );
  });

  it('picks the language from flag, SHOPKEEP_LANG, then the locale', () => {
    expect(pickLang('zh-CN', {})).toBe('zh-CN');
    expect(pickLang(undefined, { SHOPKEEP_LANG: 'zh' })).toBe('zh-CN');
    expect(pickLang(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(pickLang(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(pickLang(undefined, {})).toBe('en');
    expect(normaliseLang('fr')).toBeUndefined();
  });
});
