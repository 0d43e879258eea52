import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney, parseMoney } from '../../src/domain/money.js';
import { ShopkeepError } from '../../src/domain/errors.js';

describe('parseMoney', () => {
  it.each([
    ['12.5', 'CNY', 1250],
    ['¥1,234.50', 'CNY', 123450],
    ['1234.5元', 'CNY', 123450],
    ['$12.34', 'USD', 1234],
    ['0元', 'CNY', 0],
    ['1500', 'JPY', 1500],
    ['1.250', 'KWD', 1250],
    ['0.10', 'USD', 10],
    ['19.90', 'CNY', 1990],
    ['CNY 8.00', 'CNY', 800],
    ['.5', 'USD', 50],
    ['12.340', 'CNY', 1234],
  ])('%s in %s is %i minor units', (text, currency, minor) => {
    expect(parseMoney(text, currency, 'price')).toBe(minor);
  });

  it.each([
    ['12.345', 'CNY'],
    ['1.5', 'JPY'],
    ['abc', 'CNY'],
    ['1,23.00', 'USD'],
    ['-5', 'USD'],
    ['', 'USD'],
    ['1e3', 'USD'],
    ['12.3.4', 'USD'],
  ])('refuses %s in %s as a usage error naming the field', (text, currency) => {
    try {
      parseMoney(text, currency, '--price');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ShopkeepError);
      expect((error as ShopkeepError).kind).toBe('usage');
      expect((error as ShopkeepError).params.field).toBe('--price');
    }
  });

  it('is exact where floats are not (0.1 + 0.2)', () => {
    expect(parseMoney('0.1', 'USD', 'x') + parseMoney('0.2', 'USD', 'x')).toBe(parseMoney('0.3', 'USD', 'x'));
  });

  it('takes a sign only when allowed', () => {
    expect(parseMoney('-5.00', 'USD', 'x', true)).toBe(-500);
  });
});

describe('formatting', () => {
  it('formats minor units per currency without floats', () => {
    expect(formatAmount(123450, 'CNY')).toBe('1234.50');
    expect(formatAmount(5, 'USD')).toBe('0.05');
    expect(formatAmount(-5, 'USD')).toBe('-0.05');
    expect(formatAmount(1500, 'JPY')).toBe('1500');
    expect(formatAmount(1250, 'KWD')).toBe('1.250');
    expect(formatAmount(9007199254740991, 'CNY')).toBe('90071992547409.91');
  });
  it('groups thousands for people', () => {
    expect(formatMoney(123456789, 'CNY')).toBe('¥1,234,567.89');
    expect(formatMoney(-1234, 'USD')).toBe('-$12.34');
    expect(formatMoney(100, 'CHF')).toBe('CHF 1.00');
  });
});
