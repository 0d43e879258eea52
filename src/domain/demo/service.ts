import type { Db } from '../../db/open.js';
import { deliveredOrders } from '../../db/queries/demo.js';
import { approveReturn, closeReturn, openReturn, receiveReturn, refundReturn, rejectReturn } from '../service/returns.js';
import { setReply } from '../../db/queries/reviews.js';
import { formatAmount } from '../money.js';
import { addReview } from '../service/reviews.js';
import { closeTicket, markPending, openTicket, recordReply, resolveTicket } from '../service/tickets.js';
import type { Random } from './random.js';
import type { TimedStep } from './orders.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const PRAISE_ZH = ['茶香浓郁，回甘明显，会回购', '包装很用心，送人很有面子', '发货快，茶叶新鲜', '性价比很高'];
const PRAISE_EN = ['Lovely tea, arrived quickly', 'Beautiful gaiwan, well packed', 'Great gift, will order again'];
const COMPLAINT_ZH = ['茶叶有点碎，和图片不一样', '快递太慢了，等了一周', '盖碗有裂纹'];
const COMPLAINT_EN = ['Arrived with a chipped lid', 'Took two weeks to arrive', 'Not as fragrant as described'];

/**
 * Plans the demo seller's service work after the orders: reviews (mostly good, some bad, some answered), tickets in
 * every state (pre-sale questions, "where is my parcel", complaints), and returns in every state.
 */
export function planDemoService(db: Db, random: Random, now: number): TimedStep[] {
  const steps: TimedStep[] = [];
  const at = (time: number, apply: (t: number) => void) => {
    if (time < now) steps.push({ at: time, apply });
  };
  const orders = deliveredOrders(db);
  orders.forEach((o, i) => {
    const chinese = ['taobao', 'tmall', 'jd', 'pdd', 'douyin'].includes(o.platform);
    if (random.chance(0.3)) {
      const rating = random.pick([5, 5, 5, 5, 4, 4, 3, 2, 1]);
      const text = rating >= 4 ? random.pick(chinese ? PRAISE_ZH : PRAISE_EN) : random.pick(chinese ? COMPLAINT_ZH : COMPLAINT_EN);
      const id = `RV-${100000 + i}`;
      const reviewed = o.deliveredAt + random.int(1, 5) * DAY;
      let reviewId = 0;
      at(reviewed, (t) => {
        reviewId = addReview(db, { shop: o.shop, order: o.ref, sku: o.sku, rating, text, platformReviewId: id }, t).id;
      });
      // Thanked for most good reviews, answered for half of the bad ones: the rest is the follow-up queue.
      if ((rating >= 4 && random.chance(0.5)) || (rating <= 3 && random.chance(0.5))) {
        const reply = rating >= 4 ? (chinese ? '感谢您的好评，期待再次光临！' : 'Thank you for your kind review!') : chinese ? '非常抱歉给您带来不便，已私信为您处理。' : 'We are sorry: we have written to you to put it right.';
        at(reviewed + 6 * HOUR, (t) => setReply(db, reviewId, reply, t));
      }
    }
  });
  // Tickets: about one order in twenty-five asks something; the newest are still open.
  orders.filter((_, i) => i % 25 === 3).forEach((o, i) => {
    const opened = o.deliveredAt - random.int(1, 3) * DAY;
    const type = random.pick(['order', 'order', 'aftersale', 'complaint']);
    const subject = type === 'order' ? '快递到哪了？/ Where is my parcel?' : type === 'complaint' ? '收到的商品有问题 / A problem with my order' : '想退换货 / I would like to return an item';
    let number = '';
    at(opened, (t) => {
      number = openTicket(db, { order: o.ref, shop: o.shop, type, subject, message: subject, channel: random.pick(['chat', 'chat', 'email', 'phone']) }, t).number;
    });
    const age = now - opened;
    if (age > 3 * DAY || random.chance(0.5)) at(opened + random.int(1, 6) * HOUR, (t) => recordReply(db, { ref: number, body: '您好，已为您查询，包裹正在派送中 / Your parcel is on its way.' }, t));
    if (age > 5 * DAY) {
      at(opened + 2 * DAY, (t) => resolveTicket(db, { ref: number, resolution: random.pick(['answered', 'reshipped', 'refunded']) }, t));
      if (age > 12 * DAY) at(opened + 9 * DAY, (t) => closeTicket(db, { ref: number }, t));
    } else if (i % 3 === 1) {
      at(opened + 8 * HOUR, (t) => markPending(db, { ref: number }, t));
    }
  });
  // Presale questions without an order.
  for (let i = 0; i < 6; i++) {
    const opened = now - random.int(1, 40) * DAY - random.int(0, 20) * HOUR;
    const sku = random.pick(orders).sku;
    let number = '';
    at(opened, (t) => {
      number = openTicket(db, { sku, type: 'presale', subject: '这款茶适合送长辈吗？/ Is this good as a gift?', message: '这款茶适合送长辈吗？' }, t).number;
    });
    if (i % 2 === 0) at(opened + 2 * HOUR, (t) => recordReply(db, { ref: number, body: '非常适合，我们提供礼盒包装。/ Yes, we gift-wrap it.' }, t));
    if (i < 3) at(opened + 6 * HOUR, (t) => resolveTicket(db, { ref: number, resolution: 'answered' }, t));
  }
  // Returns in every state, on recent deliveries.
  const recent = orders.filter((o) => o.deliveredAt > now - 40 * DAY);
  const plans: { type: string; ends: string[] }[] = [
    { type: 'return', ends: [] },
    { type: 'return', ends: ['approve'] },
    { type: 'return', ends: ['reject'] },
    { type: 'return', ends: ['approve', 'receive:resellable'] },
    { type: 'return', ends: ['approve', 'receive:damaged', 'refund'] },
    { type: 'return', ends: ['approve', 'receive:resellable', 'refund', 'close'] },
    { type: 'refund_only', ends: ['approve', 'refund'] },
    { type: 'exchange', ends: ['approve', 'receive:resellable'] },
    { type: 'repair', ends: ['approve', 'receive:damaged', 'close'] },
  ];
  const returned = new Set<string>();
  plans.forEach((plan, i) => {
    const o = recent[(i * 7 + 2) % Math.max(1, recent.length)];
    if (!o) return;
    returned.add(o.ref);
    const opened = o.deliveredAt + random.int(1, 3) * DAY;
    let number = '';
    at(opened, (t) => {
      number = openReturn(db, { order: o.ref, shop: o.shop, items: [{ sku: o.sku, quantity: 1 }], type: plan.type, reason: random.pick(['尺寸不合适 / wrong size', '运输破损 / damaged in transit', '不喜欢 / changed mind']) }, t).number;
    });
    plan.ends.forEach((step, j) => {
      const when = opened + (j + 1) * 2 * DAY;
      const [verb, condition] = step.split(':');
      at(when, (t) => {
        if (verb === 'approve') approveReturn(db, number, {}, t);
        if (verb === 'reject') rejectReturn(db, number, { reason: '超过七天无理由退货期 / outside the return window' }, t);
        if (verb === 'receive') receiveReturn(db, number, { condition }, t);
        if (verb === 'refund') refundReturn(db, number, { amount: formatAmount(o.unitPrice, o.currency) }, t);
        if (verb === 'close') closeReturn(db, number, {}, t);
      });
    });
  });
  // Refunds in each shop over the last three days as well (every 14 hours back from now), so that yesterday's
  // report has some wherever it is read (yesterday in Beijing began up to 70 hours ago when it is the last day
  // ended in Los Angeles too): the returns above end up to a month ago.
  const lately = orders.filter((o) => o.deliveredAt < now - 5 * DAY && !returned.has(o.ref));
  const shops = [...new Set(lately.map((o) => o.shop))];
  shops.flatMap((shop) => lately.filter((o) => o.shop === shop).slice(-5)).forEach((o, i) => {
    const refunded = now - ((i % 5) + 1) * 14 * HOUR;
    let number = '';
    at(refunded - 3 * HOUR, (t) => {
      number = openReturn(db, { order: o.ref, shop: o.shop, items: [{ sku: o.sku, quantity: 1 }], type: 'refund_only', reason: '少发了一件 / an item was missing' }, t).number;
    });
    at(refunded - 2 * HOUR, (t) => approveReturn(db, number, {}, t));
    at(refunded, (t) => refundReturn(db, number, { amount: formatAmount(o.unitPrice, o.currency) }, t));
  });
  return steps;
}
