import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnShopkeep } from '../helpers/bin.js';
import { tempDir } from '../helpers/cli.js';

/** A shop on a database file, driven through the built binary as cron would (stdin closed, no terminal). */
function shop(platform: 'taobao' | 'shopify' = 'taobao') {
  const dir = tempDir();
  const db = join(dir, 'shop.db');
  const env = { SHOPKEEP_NOW: '2026-11-25T08:00:00Z' };
  const sk = (...args: string[]) => spawnShopkeep(['--db', db, ...args], { env });
  const ok = (...args: string[]) => {
    const r = sk(...args);
    if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.stderr}`);
    return r;
  };
  ok('init', '--shop', 'Tea', '--platform', platform, ...(platform === 'shopify' ? ['--currency', 'USD', '--timezone', 'America/New_York'] : []));
  ok('product', 'add', '--title', 'Longjing', '--sku', 'LJ', '--price', '36.80');
  ok('stock', 'receive', 'LJ', '5');
  ok('order', 'add', '--number', 'A1', '--items', 'LJ:2', '--buyer', 'Ann Lee', '--phone', '+1 415 555 0100', '--paid');
  ok('order', 'ship', 'A1', '--carrier', 'UPS', '--tracking', '1Z999AA10123456784');
  return { dir, sk, ok };
}

describe('tickets on the built binary', () => {
  it('open → reply with a template → resolve → close, with stdin closed', () => {
    const { sk, ok } = shop('shopify');
    const opened = ok('ticket', 'open', '--order', 'A1', '--message', 'Where is my parcel?');
    // Wed 03:00 in New York: the shop opens at 09:00; an order question gets 4 business hours.
    expect(opened.stderr).toBe('opened T-000001: first response due 2026-11-25 13:00\n');

    const reply = ok('ticket', 'reply', 'T-000001', '--template', 'tracking-info');
    expect(reply.stdout).toBe(
      'Hi Ann Lee,\n\nGood news: order A1 is on its way with UPS.\n\nTracking number: 1Z999AA10123456784\nTrack it here: https://www.ups.com/track?tracknum=1Z999AA10123456784\n\n' +
        'Tracking can take a day to show the first scan. If anything looks wrong, just reply to this message.\n\nBest regards,\nTea\n',
    );
    expect(reply.stderr).toBe('reply recorded on T-000001\n');

    const resolved = ok('ticket', 'resolve', 'T-000001', '--resolution', 'answered', '--note', 'tracking sent');
    expect(resolved.stderr).toBe('T-000001 is now resolved\n');
    expect(resolved.stdout).not.toContain('Ann Lee');
    ok('ticket', 'close', 'T-000001');

    const json = JSON.parse(ok('ticket', 'show', 'T-000001', '--json').stdout).ticket;
    expect(json).toMatchObject({ status: 'closed', resolution: 'answered', firstResponseAt: '2026-11-25T08:00:00.000Z', resolvedAt: '2026-11-25T08:00:00.000Z', buyer: { name: 'A** L**' } });
    expect(json.messages.map((m: { direction: string; template: string | null }) => `${m.direction}:${m.template ?? ''}`)).toEqual(['inbound:', 'outbound:tracking-info', 'note:']);

    const queue = sk('ticket', 'list', '--overdue');
    expect(queue).toMatchObject({ code: 0, stdout: '' });
    expect(sk('ticket', 'close', 'T-000001').code).toBe(4);
  });

  it('bad input: an unknown template variable is 2 naming it, an unknown order 3, a missing value 2 (never a prompt)', () => {
    const { dir, sk } = shop();
    mkdirSync(join(dir, 'replies', 'zh-CN'), { recursive: true });
    writeFileSync(join(dir, 'replies', 'zh-CN', 'coupon.txt'), '亲，优惠码 {{coupon}}\n');
    expect(sk('ticket', 'open', '--order', 'A1', '--subject', '优惠').code).toBe(0);
    const bad = sk('ticket', 'reply', 'T-1', '--template', 'coupon');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('{{coupon}}');
    expect(bad.stdout).toBe('');
    const unknown = sk('ticket', 'open', '--order', 'B9', '--subject', 'x');
    expect(unknown.code).toBe(3);
    const missing = sk('ticket', 'reply', 'T-1');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--message');
  });
});
