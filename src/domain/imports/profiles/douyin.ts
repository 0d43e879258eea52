import type { OrderStatus } from '../../orders/types.js';
import { count, firstText, instant, mapStatus, money, orderIdIn, text } from '../clean.js';
import { RowError, type Profile, type Row, type RowRecord } from '../types.js';

/**
 * Douyin 抖店 订单导出: one row per 子订单 (line) sharing 主订单编号; gifts are rows of their own at 0.00.
 * Id and text cells come as `"\t…"` and `-` means empty (both undone by cleanCell); 收件人, 收件人手机号 and
 * 详细地址 are usually ciphertext (`##…`, `$$…`) and are stored exactly as given. Times are Beijing wall
 * time without an offset, read in the shop's zone. What was assumed: docs/import-amazon-douyin.md.
 */

/** 订单状态 → shopkeep. The first four are seen in exports; the rest are assumed from the back office. */
const STATUS: Readonly<Record<string, OrderStatus>> = {
  待发货: 'paid',
  已发货: 'shipped',
  已完成: 'completed',
  已关闭: 'cancelled',
  待支付: 'pending_payment',
  待付款: 'pending_payment',
  备货中: 'paid',
  部分发货: 'partially_shipped',
  已取消: 'cancelled',
};

/** 售后状态: a line whose refund went through is cancelled; every other after-sale state leaves it standing. */
const refunded = (afterSale: string | null) => afterSale !== null && afterSale.includes('退款成功');

/** The three 实际承担优惠金额 columns (platform, seller, streamer), or 优惠总金额 when a file has it. */
function discountOf(row: Row, currency: string): number {
  const total = money(row, '优惠总金额', currency);
  if (total !== null) return Math.abs(total);
  return ['平台实际承担优惠金额', '商家实际承担优惠金额', '达人实际承担优惠金额'].reduce((sum, c) => sum + Math.abs(money(row, c, currency) ?? 0), 0);
}

/**
 * 订单应付金额 is what the buyer pays for this 子订单's goods (assumed to exclude 运费). With 商品单价 the
 * discount is whatever takes the goods down to it; without, the unit price is worked back from it and the
 * discount columns (rounded up, the minor units over carried as discount, so the line total stays exact).
 */
function priced(quantity: number, unit: number | null, payable: number | null, discount: number) {
  if (unit !== null) {
    const gross = unit * quantity;
    return { unitPrice: unit, discount: payable !== null && payable <= gross ? gross - payable : discount, statedTotal: payable };
  }
  if (payable === null || quantity === 0) return { unitPrice: 0, discount: 0, statedTotal: payable };
  const gross = payable + discount;
  const unitPrice = Math.ceil(gross / quantity);
  return { unitPrice, discount: unitPrice * quantity - payable, statedTotal: payable };
}

export const douyinOrders: Profile = {
  id: 'douyin',
  platform: 'douyin',
  label: 'Douyin 抖店 订单导出',
  signature: [
    '主订单编号', '子订单编号', '选购商品', '商品规格', '商品数量', '商家编码', '订单应付金额', '运费', '收件人', '收件人手机号', '详细地址',
    '订单提交时间', '商家备注', '订单完成时间', '订单状态', '售后状态', '取消原因', '发货时间', '平台实际承担优惠金额', '商家实际承担优惠金额',
    '达人实际承担优惠金额',
  ],
  required: ['主订单编号', '子订单编号', '选购商品', '商品数量', '订单应付金额', '订单状态'],
  orderIdOf: orderIdIn('主订单编号'),
  read(row, ctx): RowRecord | null {
    const orderId = text(row, '主订单编号');
    if (orderId === null) return null;
    const currency = ctx.currency;
    const status = mapStatus(STATUS, text(row, '订单状态'), '订单状态');
    const record: RowRecord = {
      orderId,
      order: {
        status,
        currency,
        address: {
          name: text(row, '收件人'),
          phone: text(row, '收件人手机号'),
          province: text(row, '省'),
          city: text(row, '市'),
          district: text(row, '区'),
          street: firstText(row, '详细地址', '收件地址'),
        },
        shipping: money(row, '运费', currency),
        placedAt: instant(row, '订单提交时间', ctx.zone),
        paidAt: instant(row, '支付完成时间', ctx.zone),
        shippedAt: instant(row, '发货时间', ctx.zone),
        completedAt: instant(row, '订单完成时间', ctx.zone),
        buyerNote: text(row, '买家留言'),
        sellerMemo: text(row, '商家备注'),
        carrier: text(row, '快递公司'),
        trackingNumber: text(row, '快递单号'),
      },
      line: null,
    };
    const title = text(row, '选购商品');
    if (title === null) return record;
    const quantity = count(row, '商品数量');
    if (quantity === null) throw new RowError('import.badNumber', { column: '商品数量', value: '' });
    const sku = firstText(row, '商家编码', '货号');
    const listingId = text(row, '商品id'); // 商品ID: header names are compared lower-cased
    record.line = {
      lineKey: text(row, '子订单编号') ?? sku ?? listingId ?? title,
      sku,
      platformSku: null,
      listingId,
      title,
      variant: text(row, '商品规格'),
      quantity,
      ...priced(quantity, money(row, '商品单价', currency), money(row, '订单应付金额', currency), discountOf(row, currency)),
      // Each 子订单 row has its own status: what it says shipped is this line's (group.ts withLineShipping).
      shipped: status === 'shipped' || status === 'completed' ? quantity : status === 'paid' ? 0 : null,
      cancelled: false,
    };
    // A sub-order refunded after payment: paid, then given back (its amount goes to the order's refunded).
    if (refunded(text(row, '售后状态'))) {
      record.line.cancelled = true;
      record.line.refunded = true;
      record.sums = { refunded: record.line.quantity * record.line.unitPrice - record.line.discount };
      // Its own 订单状态 (已关闭) is this sub-order's, not the order's: the other rows say the order's (and if every
      // row is refunded, the order is cancelled: group.ts withLineShipping).
      if (status === 'cancelled') record.order.status = null;
    }
    return record;
  },
};

export const douyinProfiles: Profile[] = [douyinOrders];
