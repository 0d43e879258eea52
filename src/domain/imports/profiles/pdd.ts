import { count, firstText, instant, mapStatus, money, orderIdIn, text } from '../clean.js';
import type { OrderStatus } from '../../orders/types.js';
import { RowError, type Profile, type RowRecord } from '../types.js';
import { isMasked, perUnit, statusKey, unmasked } from './taobao.js';

/*
 * Pinduoduo 拼多多 商家后台 订单导出: one row per order (one goods item, 商品数量 units). Brackets differ
 * (`商品总价（元）` full-width, the rest ASCII) and are made alike by normalizeHeader. Later exports add
 * 商家实收金额(元), 多多支付立减金额(元), 订单成交时间 and rename 商家编码-SKU维度 → 商家编码-规格维度: both read.
 * Encoding unconfirmed (GB18030 or UTF-8: both detected); China time without offset.
 * See docs/import-taobao-jd-pdd.md for the columns used and what was assumed.
 */

/** 订单状态 → shopkeep's lifecycle; `refunded` when the label says the money went back. */
const STATUS: Record<string, { status: OrderStatus; refunded: boolean }> = {
  待发货: { status: 'paid', refunded: false },
  '已发货，待签收': { status: 'shipped', refunded: false },
  已签收: { status: 'delivered', refunded: false },
  '未发货，退款成功': { status: 'cancelled', refunded: true },
  '已发货，退款成功': { status: 'cancelled', refunded: true },
  已取消: { status: 'cancelled', refunded: false },
};

/** 售后状态 values that mean "no after-sales case open"; 退款成功 is read from 订单状态, anything else is a case in progress. */
const NO_CASE = new Set(['无售后或售后取消', '无售后', '售后取消', '售后关闭', '无售后或售后关闭', '退款成功']);

const FEES = ['上门安装费(元)', '送货入户费(元)', '送货入户并安装费(元)'] as const;

export const pddOrders: Profile = {
  id: 'pdd',
  platform: 'pdd',
  label: 'Pinduoduo 拼多多 订单导出',
  signature: [
    '商品', '订单号', '订单状态', '商品总价(元)', '店铺优惠折扣(元)', '平台优惠折扣(元)', '邮费(元)', '用户实付金额(元)', '商品数量(件)', '收货人',
    '手机', '省', '市', '区', '街道', '支付时间', '拼单成功时间', '发货时间', '确认收货时间', '商品id', '商品规格', '样式id', '商家编码-商品维度',
    '快递单号', '快递公司', '商家备注', '售后状态', '买家留言',
  ],
  required: ['订单号', '订单状态', '商品总价(元)', '商品数量(件)'],
  orderIdOf: orderIdIn('订单号'),
  read(row, ctx): RowRecord | null {
    const orderId = text(row, '订单号');
    if (orderId === null) return null;
    const currency = ctx.currency;
    const mapped = mapStatus(STATUS, statusKey(text(row, '订单状态')), '订单状态');
    const afterSales = statusKey(text(row, '售后状态'));
    const completedAt = instant(row, '确认收货时间', ctx.zone);
    let status = mapped?.status ?? null;
    if (status === 'delivered' && completedAt !== null) status = 'completed';
    // An after-sales case open on an order not yet shipped: hold it rather than ship goods being refunded.
    if (status === 'paid' && afterSales !== null && !NO_CASE.has(afterSales)) status = 'on_hold';

    const itemSubtotal = money(row, '商品总价(元)', currency);
    const paidAmount = money(row, '用户实付金额(元)', currency);
    const paidAt = instant(row, '支付时间', ctx.zone);
    const dealAt = instant(row, '订单成交时间', ctx.zone);
    const groupedAt = instant(row, '拼单成功时间', ctx.zone);
    const shopDiscount = money(row, '店铺优惠折扣(元)', currency);
    const platformDiscount = money(row, '平台优惠折扣(元)', currency);
    const fees = FEES.map((c) => money(row, c, currency) ?? 0).reduce((a, b) => a + b, 0);
    const postage = money(row, '邮费(元)', currency);
    const phone = text(row, '手机');
    const buyerPhone = firstText(row, '用户购买手机号', '手机');

    const quantity = count(row, '商品数量(件)');
    if (quantity === null || quantity === 0) throw new RowError('import.badNumber', { column: '商品数量(件)', value: row.get('商品数量(件)') ?? '' });
    const title = text(row, '商品') ?? '';
    const spec = text(row, '商品规格');
    const variant = spec === null || spec === '无规格' ? null : spec;
    const sku = firstText(row, '商家编码-规格维度', '商家编码-sku维度', '商家编码-商品维度');
    const platformSku = text(row, '样式id');
    const { unitPrice, discount } = perUnit(itemSubtotal ?? 0, quantity);
    return {
      orderId,
      order: {
        status,
        currency,
        // Pinduoduo gives no buyer id; the buyer's name is the recipient's.
        buyerName: text(row, '收货人'),
        buyerPhone: isMasked(buyerPhone) ? null : buyerPhone,
        address: {
          name: text(row, '收货人'),
          phone,
          province: unmasked(text(row, '省')),
          city: unmasked(text(row, '市')),
          district: unmasked(text(row, '区')),
          street: unmasked(text(row, '街道')),
          country: 'CN',
        },
        itemSubtotal,
        // Installation and delivery-to-door fees are charged with the postage.
        shipping: postage === null && fees === 0 ? null : (postage ?? 0) + fees,
        discount: shopDiscount === null && platformDiscount === null ? null : (shopDiscount ?? 0) + (platformDiscount ?? 0),
        total: paidAmount,
        paid: paidAt === null ? null : paidAmount,
        refunded: mapped?.refunded ? paidAmount : null,
        // Pinduoduo states no order-creation time: payment comes first, then the group and the deal.
        placedAt: paidAt ?? dealAt ?? groupedAt,
        paidAt,
        shippedAt: instant(row, '发货时间', ctx.zone),
        completedAt,
        buyerNote: text(row, '买家留言'),
        sellerMemo: text(row, '商家备注'),
        carrier: text(row, '快递公司'),
        trackingNumber: text(row, '快递单号'),
      },
      line: {
        // 样式ID is Pinduoduo's id of the SKU (the spec chosen): stable across exports.
        lineKey: platformSku ?? [sku ?? title, variant].filter((p) => p !== null).join(' | '),
        sku,
        platformSku,
        listingId: text(row, '商品id'),
        title,
        variant,
        quantity,
        unitPrice,
        discount,
        statedTotal: itemSubtotal,
        shipped: status === 'shipped' || status === 'delivered' || status === 'completed' ? quantity : status === 'paid' || status === 'on_hold' ? 0 : null,
        cancelled: false,
      },
    };
  },
};

export const pddProfiles: Profile[] = [pddOrders];
