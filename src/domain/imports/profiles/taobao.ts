import { count, firstText, instant, mapStatus, money, orderIdIn, text } from '../clean.js';
import type { Address, OrderStatus } from '../../orders/types.js';
import { RowError, STAND_IN, type Profile, type Row, type RowContext, type RowRecord } from '../types.js';

/*
 * Taobao / Tmall (千牛 / 卖家中心) order exports: 订单报表 ExportOrderList*.csv (one row per order) and
 * 宝贝报表 ExportOrderDetailList*.csv (one row per item, plain or the Tmall variant with 子订单编号),
 * alone or together, joined on 订单编号. GB18030; header cells with a trailing space; see
 * docs/import-taobao-jd-pdd.md for the columns used and what was assumed.
 *
 * The helpers exported below (status keys, masked values, Chinese addresses, per-unit prices) are shared
 * with the JD and Pinduoduo profiles.
 */

/** A status label as a lookup key: spaces gone, an ASCII comma made full-width (Excel re-saves, hand edits). */
export const statusKey = (value: string | null): string | null => (value === null ? null : value.replace(/\s+/g, '').replace(/,/g, '，'));

/** A value the platform masked (`1******6198`, `138****1234`, `****`): shown to the seller, never used to match a buyer. */
export const isMasked = (value: string | null): boolean => value !== null && value.includes('*');

/** Null for a value that is nothing but the platform's mask (`****`): it says nothing. */
export const unmasked = (value: string | null): string | null => (value === null || /^\*+$/.test(value) ? null : value);

/**
 * A one-cell Chinese address split into its parts. Taobao writes `省 市 区 详细地址(邮编)`: space-separated
 * levels, the postcode in ASCII or full-width brackets at the end (`000000` when the buyer gave none).
 * Three parts are read as province, city, street (towns without a district); an address without spaces
 * (JD) is kept whole in `street`, since guessing where 省/市/区 end is wrong too often (北京北京市朝阳区…).
 */
export function splitChineseAddress(value: string | null): Partial<Address> {
  if (value === null) return {};
  let rest = value.trim();
  let postcode: string | null = null;
  const zip = /[(（]\s*(\d{6})\s*[)）]$/.exec(rest);
  if (zip) {
    postcode = zip[1] === '000000' ? null : zip[1]!;
    rest = rest.slice(0, zip.index).trim();
  }
  const parts = rest.split(/[ \u3000]+/).filter((p) => p !== '');
  const address: Partial<Address> = { postcode, country: 'CN' };
  if (parts.length >= 4) Object.assign(address, { province: parts[0], city: parts[1], district: parts[2], street: parts.slice(3).join(' ') });
  else if (parts.length === 3) Object.assign(address, { province: parts[0], city: parts[1], street: parts[2] });
  else if (parts.length === 2) Object.assign(address, { province: parts[0], street: parts[1] });
  else if (parts.length === 1) address.street = parts[0]!;
  return address;
}

/**
 * A unit price for `quantity` units that together cost `total` (minor units), when the file states only the
 * total: rounded up, the difference carried as a line discount so quantity × price − discount is exact.
 */
export function perUnit(total: number, quantity: number): { unitPrice: number; discount: number } {
  const unitPrice = Math.ceil(total / quantity);
  return { unitPrice, discount: unitPrice * quantity - total };
}

/** 订单状态 → shopkeep's lifecycle. 卖家部分发货 is the API's SELLER_CONSIGNED_PART as an export label (assumed). */
const STATUS: Record<string, OrderStatus> = {
  等待买家付款: 'pending_payment',
  '买家已付款，等待卖家发货': 'paid',
  卖家部分发货: 'partially_shipped',
  '卖家已发货，等待买家确认': 'shipped',
  买家已签收: 'delivered',
  交易成功: 'completed',
  交易关闭: 'cancelled',
  交易被淘宝关闭: 'cancelled',
};

const SHIPPED: readonly OrderStatus[] = ['shipped', 'delivered', 'completed'];

/** Units of a line gone out, as far as a status says (a partial shipment does not say which). */
const shippedOf = (status: OrderStatus | null, quantity: number) =>
  status === null || status === 'partially_shipped' ? null : SHIPPED.includes(status) ? quantity : 0;

/** 物流单号 sometimes reads `No:YT…` (assumed from sellers' copies): the number alone. */
const trackingOf = (value: string | null) => (value === null ? null : value.replace(/^No[:：]\s*/i, '') || null);

function orderStatus(row: Row): OrderStatus | null {
  return mapStatus(STATUS, statusKey(text(row, '订单状态')), '订单状态');
}

const ORDERS_SIGNATURE = [
  '订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额', '订单状态', '买家留言',
  '收货人姓名', '收货地址', '运送方式', '联系电话', '联系手机', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝种类', '物流单号',
  '物流公司', '订单备注', '宝贝总数量', '店铺id', '店铺名称', '订单关闭原因', '退款金额', '确认收货时间', '打款商家金额',
] as const;

/** 订单报表: one row per order. Alone, each order gets one stand-in line built from 宝贝标题 / 宝贝总数量. */
export const taobaoOrders: Profile = {
  id: 'taobao-orders',
  platform: 'taobao',
  label: 'Taobao/Tmall 订单报表 (ExportOrderList)',
  signature: ORDERS_SIGNATURE,
  required: ['订单编号', '买家会员名', '订单状态', '宝贝标题'],
  part: { group: 'taobao', role: 'orders' },
  orderIdOf: orderIdIn('订单编号'),
  read(row, ctx): RowRecord | null {
    const orderId = text(row, '订单编号');
    if (orderId === null) return null;
    const currency = ctx.currency;
    const status = orderStatus(row);
    const mobile = firstText(row, '联系手机', '联系电话');
    const itemSubtotal = money(row, '买家应付货款', currency);
    const record: RowRecord = {
      orderId,
      order: {
        status,
        currency,
        buyerId: text(row, '买家会员名'),
        buyerName: text(row, '收货人姓名'),
        buyerPhone: isMasked(mobile) ? null : mobile,
        address: { ...splitChineseAddress(text(row, '收货地址')), name: text(row, '收货人姓名'), phone: mobile },
        itemSubtotal,
        shipping: money(row, '买家应付邮费', currency),
        total: money(row, '总金额', currency),
        paid: money(row, '买家实际支付金额', currency),
        refunded: money(row, '退款金额', currency),
        placedAt: instant(row, '订单创建时间', ctx.zone),
        paidAt: instant(row, '订单付款时间', ctx.zone),
        shippedAt: instant(row, '发货时间', ctx.zone),
        completedAt: instant(row, '确认收货时间', ctx.zone),
        buyerNote: text(row, '买家留言'),
        sellerMemo: firstText(row, '商家备忘', '订单备注'),
        carrier: text(row, '物流公司'),
        trackingNumber: trackingOf(text(row, '物流单号')),
      },
      line: null,
    };
    const title = text(row, '宝贝标题');
    const quantity = count(row, '宝贝总数量');
    if (title !== null && quantity !== null && quantity > 0) {
      const { unitPrice, discount } = perUnit(itemSubtotal ?? 0, quantity);
      record.line = {
        lineKey: `${STAND_IN}${title}`,
        sku: null,
        platformSku: null,
        listingId: null,
        title,
        variant: null,
        quantity,
        unitPrice,
        discount,
        statedTotal: itemSubtotal,
        shipped: shippedOf(status, quantity),
        cancelled: false,
      };
    }
    return record;
  },
};

/** A Tmall 宝贝报表 退款状态 that means the item's money went back (anything else: none, or still in progress). */
const REFUNDED_ITEM = new Set(['退款成功', '退款完成']);

/** A 宝贝报表 row, plain or Tmall: one line, and the order fields an item row can state. */
function readItem(row: Row, ctx: RowContext): RowRecord | null {
  const orderId = firstText(row, '主订单编号', '订单编号');
  if (orderId === null) return null;
  const currency = ctx.currency;
  const title = firstText(row, '标题', '商品标题') ?? '';
  const quantity = count(row, '购买数量');
  if (quantity === null || quantity === 0) throw new RowError('import.badNumber', { column: '购买数量', value: row.get('购买数量') ?? '' });
  const status = orderStatus(row);
  // The 宝贝报表's 订单状态 is the item's own (a refunded item of a 交易成功 order reads 交易关闭): a closed item
  // is a cancelled line and does not speak for its order, whose status the 订单报表 (read first) gives.
  const closed = status === 'cancelled' || REFUNDED_ITEM.has(statusKey(text(row, '退款状态')) ?? '');
  const sku = firstText(row, '商家编码', '外部系统编号');
  const variant = firstText(row, '商品属性', '套餐信息');
  return {
    orderId,
    order: {
      status: closed ? null : status,
      itemsOnly: true,
      currency,
      placedAt: instant(row, '订单创建时间', ctx.zone),
      paidAt: instant(row, '订单付款时间', ctx.zone),
    },
    line: {
      lineKey: text(row, '子订单编号') ?? [sku ?? title, variant].filter((p) => p !== null).join(' | '),
      sku,
      platformSku: null,
      listingId: null,
      title,
      variant,
      quantity,
      unitPrice: money(row, row.has('价格') ? '价格' : '商品价格', currency) ?? 0,
      discount: 0,
      statedTotal: null,
      shipped: shippedOf(status, quantity),
      cancelled: closed,
    },
  };
}

/** 宝贝报表 (Taobao): one row per item, joined to the 订单报表 on 订单编号. */
export const taobaoItems: Profile = {
  id: 'taobao-items',
  platform: 'taobao',
  label: 'Taobao 宝贝报表 (ExportOrderDetailList)',
  signature: ['订单编号', '标题', '价格', '购买数量', '外部系统编号', '商品属性', '套餐信息', '备注', '订单状态', '商家编码'],
  required: ['订单编号', '标题', '价格', '购买数量'],
  part: { group: 'taobao', role: 'items' },
  orderIdOf: orderIdIn('主订单编号', '订单编号'),
  read: readItem,
};

/** 宝贝报表 (Tmall, ~2020): 子订单编号 per item (the line key), 主订单编号 for the order, 退款状态 per item. */
export const tmallItems: Profile = {
  id: 'tmall-items',
  platform: 'taobao',
  label: 'Tmall 宝贝报表 with 子订单编号',
  // Only columns every Tmall 宝贝报表 is taken to have (title and price may be 标题/价格 or 商品标题/商品价格).
  signature: [
    '子订单编号', '主订单编号', '购买数量', '外部系统编号', '商品属性', '套餐信息', '订单状态', '商家编码', '支付单号', '买家应付货款',
    '买家实际支付金额', '退款状态', '退款金额', '订单创建时间', '订单付款时间',
  ],
  required: ['子订单编号', '购买数量'],
  part: { group: 'taobao', role: 'items' },
  orderIdOf: orderIdIn('主订单编号', '订单编号'),
  read: readItem,
};

// Tmall first: a Tmall 宝贝报表 may carry every plain column too, and a tie goes to the first profile.
export const taobaoProfiles: Profile[] = [taobaoOrders, tmallItems, taobaoItems];
