import { count, instant, mapStatus, money, orderIdIn, text } from '../clean.js';
import type { OrderStatus } from '../../orders/types.js';
import { RowError, type Profile, type RowRecord } from '../types.js';
import { isMasked, splitChineseAddress, statusKey } from './taobao.js';

/*
 * JD 京东 商家后台 订单导出: one row per SKU; the order's amounts (订单金额, 应付金额, 运费金额 …) are repeated
 * on every row of the order. The grouper keeps the first value each order field is given, so they count
 * once, never summed. Encoding unconfirmed (GB18030 or UTF-8: both detected); China time without offset.
 * See docs/import-taobao-jd-pdd.md for the columns used and what was assumed.
 */

/**
 * 订单状态 → shopkeep's lifecycle. 等待出库 … 锁定 are the API's states as export labels (inferred); 等待付款
 * (online payment not made yet) and 暂停 are assumed to appear too, 已取消 / 已完成 as variants.
 */
const STATUS: Record<string, OrderStatus> = {
  等待付款: 'pending_payment',
  等待出库: 'paid',
  等待发货: 'paid',
  等待确认收货: 'shipped',
  完成: 'completed',
  已完成: 'completed',
  取消: 'cancelled',
  已取消: 'cancelled',
  锁定: 'on_hold',
  已锁定: 'on_hold',
  暂停: 'on_hold',
};

const SHIPPED: readonly OrderStatus[] = ['shipped', 'completed'];

export const jdOrders: Profile = {
  id: 'jd',
  platform: 'jd',
  label: 'JD 京东 订单导出',
  signature: [
    '订单号', '商品id', '商品名称', '订购数量', '支付方式', '下单时间', '京东价', '订单金额', '结算金额', '余额支付', '应付金额', '订单状态',
    '订单类型', '下单帐号', '客户姓名', '客户地址', '联系电话', '订单备注', '商家备注', '运费金额', '付款确认时间', '货号', '订单完成时间',
  ],
  required: ['订单号', '商品名称', '订购数量', '京东价'],
  orderIdOf: orderIdIn('订单号'),
  read(row, ctx): RowRecord | null {
    const orderId = text(row, '订单号');
    if (orderId === null) return null;
    const currency = ctx.currency;
    const status = mapStatus(STATUS, statusKey(text(row, '订单状态')), '订单状态');
    const phone = text(row, '联系电话');
    const goods = money(row, '订单金额', currency);
    const shipping = money(row, '运费金额', currency);
    const total = money(row, '应付金额', currency);
    // 订单金额 is taken as the goods before discounts and 应付金额 as what the buyer owes with freight (assumed).
    const discount = goods !== null && total !== null ? goods + (shipping ?? 0) - total : null;
    const title = text(row, '商品名称') ?? '';
    const quantity = count(row, '订购数量');
    if (quantity === null || quantity === 0) throw new RowError('import.badNumber', { column: '订购数量', value: row.get('订购数量') ?? '' });
    const platformSku = text(row, '商品id');
    const sku = text(row, '货号');
    return {
      orderId,
      order: {
        status,
        currency,
        buyerId: text(row, '下单帐号'),
        buyerName: text(row, '客户姓名'),
        buyerPhone: isMasked(phone) ? null : phone,
        address: { ...splitChineseAddress(text(row, '客户地址')), name: text(row, '客户姓名'), phone },
        itemSubtotal: goods,
        shipping,
        discount: discount !== null && discount >= 0 ? discount : null,
        total,
        placedAt: instant(row, '下单时间', ctx.zone),
        paidAt: instant(row, '付款确认时间', ctx.zone),
        completedAt: instant(row, '订单完成时间', ctx.zone),
        buyerNote: text(row, '订单备注'),
        sellerMemo: text(row, '商家备注'),
      },
      line: {
        // 商品ID is JD's id of the SKU (a colour/size has its own): stable across exports.
        lineKey: platformSku ?? sku ?? title,
        sku,
        platformSku,
        listingId: null,
        title,
        variant: null,
        quantity,
        unitPrice: money(row, '京东价', currency) ?? 0,
        discount: 0,
        statedTotal: null,
        shipped: status === null ? null : SHIPPED.includes(status) ? quantity : 0,
        cancelled: false,
      },
    };
  },
};

export const jdProfiles: Profile[] = [jdOrders];
