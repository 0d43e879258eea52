import type { Command } from 'commander';
import { addOrder } from '../../../domain/orders/create.js';
import { parseItems } from '../../../domain/orders/items.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { orderDetailView } from '../../views/orders.js';

export interface OrderAddOptions {
  shop?: string;
  number?: string;
  items?: string;
  buyer?: string;
  buyerId?: string;
  phone?: string;
  email?: string;
  recipient?: string;
  province?: string;
  city?: string;
  district?: string;
  street?: string;
  postcode?: string;
  country?: string;
  shipping?: string;
  discount?: string;
  tax?: string;
  note?: string;
  memo?: string;
  paid: boolean;
  reveal: boolean;
}

export function orderAddCommand(ctx: Ctx, run = orderAddRun): Command {
  return verb(ctx, 'add', 'order.add.summary', [
    'shopkeep order add --items LJ-250G:2,GAIWAN-CELADON:1 --buyer 王芳 --phone 13812345678 --province 浙江省 --city 杭州市 --district 西湖区 --street "文三路 100 号" --paid',
    'shopkeep order add --shop "Mountain Tea House" --number 1001 --items MATCHA:2@19.90 --buyer "Ann Lee" --country US --province CA --city Oakland --street "1 Main St" --postcode 94607 --shipping 5.00',
    'shopkeep order add            # on a terminal: asks for items and buyer',
  ])
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--number <id>', ctx.t('opt.orderNumber'))
    .option('--items <SKU:QTY[@PRICE],…>', ctx.t('opt.items'))
    .option('--buyer <name>', ctx.t('opt.buyer'))
    .option('--buyer-id <id>', ctx.t('opt.buyerId'))
    .option('--phone <phone>', ctx.t('opt.phone'))
    .option('--email <email>', ctx.t('opt.email'))
    .option('--recipient <name>', ctx.t('opt.recipient'))
    .option('--province <text>', ctx.t('opt.province'))
    .option('--city <text>', ctx.t('opt.city'))
    .option('--district <text>', ctx.t('opt.district'))
    .option('--street <text>', ctx.t('opt.street'))
    .option('--postcode <text>', ctx.t('opt.postcode'))
    .option('--country <code>', ctx.t('opt.country'))
    .option('--shipping <amount>', ctx.t('opt.shippingFee'))
    .option('--discount <amount>', ctx.t('opt.discount'))
    .option('--tax <amount>', ctx.t('opt.tax'))
    .option('--note <text>', ctx.t('opt.buyerNote'))
    .option('--memo <text>', ctx.t('opt.sellerMemo'))
    .option('--paid', ctx.t('opt.paidNow'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((o) => run({ ...o, paid: Boolean(o.paid), reveal: Boolean(o.reveal) }, ctx));
}

export async function orderAddRun(o: OrderAddOptions, ctx: Ctx): Promise<void> {
  const items = parseItems(await required(ctx, o.items, '--items', 'prompt.items'));
  const buyer = o.buyer ?? (ctx.canPrompt() ? await ctx.prompter.input(ctx.t('prompt.buyer')) : undefined);
  const db = ctx.db();
  const order = addOrder(
    db,
    {
      shop: o.shop,
      platformOrderId: o.number,
      buyer: { name: buyer, buyerId: o.buyerId, phone: o.phone, email: o.email },
      address: { name: o.recipient, phone: o.phone, province: o.province, city: o.city, district: o.district, street: o.street, postcode: o.postcode, country: o.country },
      items,
      shipping: o.shipping,
      discount: o.discount,
      tax: o.tax,
      buyerNote: o.note,
      sellerMemo: o.memo,
      paid: o.paid,
    },
    ctx.now(),
  );
  ctx.info(ctx.t('order.added', { order: order.platformOrderId, shop: order.shopName, status: order.status }));
  await ctx.print(orderDetailView(ctx, db, order, o.reveal));
}
