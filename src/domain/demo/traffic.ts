import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { insertAd } from '../../db/queries/ads.js';
import { insertTraffic } from '../../db/queries/traffic.js';
import { listProducts } from '../catalog/products.js';
import { listShops } from '../shops/shops.js';
import { dayOf, periodDays } from '../reports/period.js';
import type { Channel } from '../traffic/values.js';
import { DEMO_SHOPS } from './catalogue.js';
import type { Random } from './random.js';

interface Campaign {
  channel: Channel;
  name: string;
  /** Daily spend range in major units of the shop's currency. */
  spend: [number, number];
  cpc: number;
  ctr: number;
  /** Orders per click and revenue per order (major units): ROAS follows from these. */
  conversion: number;
  orderValue: number;
}

interface TrafficPlan {
  shop: string;
  perDay: number;
  /** Orders ÷ visitors. */
  conversion: number;
  sources: [name: string, share: number][];
  skus: (codes: { code: string; chinese: boolean }[]) => string[];
  campaigns: Campaign[];
  decimals: number;
}

const [taobao, shopify, pdd] = DEMO_SHOPS;

const PLANS: TrafficPlan[] = [
  {
    shop: taobao.name, perDay: 9, conversion: 0.032, decimals: 2,
    sources: [['手淘搜索', 0.45], ['手淘推荐', 0.3], ['直通车', 0.25]],
    skus: (all) => all.filter((s) => s.chinese).map((s) => s.code),
    campaigns: [
      { channel: 'ztc', name: '龙井 核心关键词', spend: [140, 220], cpc: 1.35, ctr: 0.021, conversion: 0.03, orderValue: 330 },
      // Spends a lot for little: ROAS below 1, for the KPI report to flag.
      { channel: 'wanxiangtai', name: '万相台 拉新', spend: [180, 260], cpc: 0.9, ctr: 0.012, conversion: 0.0025, orderValue: 260 },
    ],
  },
  {
    shop: shopify.name, perDay: 4, conversion: 0.025, decimals: 2,
    sources: [['google', 0.45], ['meta', 0.25], ['direct', 0.3]],
    skus: (all) => [...all.filter((s) => !s.chinese), ...all.filter((s) => s.chinese).slice(0, 6)].map((s) => s.code),
    campaigns: [
      { channel: 'google', name: 'Search - Tea', spend: [22, 38], cpc: 0.85, ctr: 0.045, conversion: 0.035, orderValue: 52 },
      { channel: 'meta', name: 'Prospecting - Gifts', spend: [15, 25], cpc: 0.6, ctr: 0.011, conversion: 0.018, orderValue: 48 },
    ],
  },
  {
    shop: pdd.name, perDay: 6, conversion: 0.045, decimals: 2,
    sources: [['搜索', 0.6], ['推荐', 0.4]],
    skus: (all) => all.filter((s) => s.chinese).filter((_, i) => i % 2 === 0).map((s) => s.code),
    campaigns: [{ channel: 'ddss', name: '多多搜索 全店推广', spend: [70, 110], cpc: 0.55, ctr: 0.03, conversion: 0.015, orderValue: 150 }],
  },
];

const split = (total: number, shares: number[]) => {
  const parts = shares.map((s) => Math.floor(total * s));
  parts[0]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
};

/**
 * 90 days of daily traffic (shop-wide, per source, and per SKU for the top ten SKUs) and ad spend per campaign for
 * the demo shops, in one transaction. Visitors follow the demo orders (same weekday lift and growth) at a 2.5–4.5%
 * conversion; the Taobao 万相台 campaign returns less than it costs.
 */
export function planDemoTrafficAds(db: Db, random: Random, startMs: number, nowMs: number): void {
  const shops = listShops(db);
  const skus = listProducts(db, {}).flatMap((p) => p.skus.map((s) => ({ code: s.code, id: s.id, chinese: /[\u4e00-\u9fff]/.test(p.title) })));
  const skuId = new Map(skus.map((s) => [s.code, s.id]));
  writeTransaction(db, () => {
    for (const plan of PLANS) {
      const shop = shops.find((s) => s.name === plan.shop);
      if (!shop) continue;
      const top = plan.skus(skus).slice(0, 10);
      const today = dayOf(nowMs, shop.timezone);
      const weights = top.map((_, i) => 1 / (i + 1.5));
      const weightSum = weights.reduce((a, b) => a + b, 0);
      // Calendar days, not 24-hour steps: those land twice on one day where a clock change falls back near midnight.
      const days = periodDays({ fromDay: dayOf(startMs, shop.timezone), toDay: today }).slice(0, 90);
      for (const [d, day] of days.entries()) {
        if (day >= today) break;
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        const weekend = weekday % 6 === 0;
        const orders = plan.perDay * (weekend ? 1.3 : 1) * (0.7 + d / 150);
        const visitors = Math.max(20, Math.round((orders / plan.conversion) * (0.9 + random.next() * 0.2)));
        const pageViews = Math.round(visitors * (2.6 + random.next() * 0.8));
        const bounced = Math.round(visitors * (0.38 + random.next() * 0.12));
        const avgSeconds = random.int(55, 110);
        const addToCart = Math.round(visitors * (0.08 + random.next() * 0.04));
        const favourites = Math.round(visitors * (0.03 + random.next() * 0.03));
        const base = { shopId: shop.id, day, skuId: null };
        insertTraffic(db, { ...base, source: '', visitors, pageViews, bounced, avgSeconds, addToCart, favourites });
        const shares = plan.sources.map(([, s]) => s);
        const v = split(visitors, shares);
        const pv = split(pageViews, shares);
        const b = split(bounced, shares);
        plan.sources.forEach(([source], i) =>
          insertTraffic(db, { ...base, source, visitors: v[i]!, pageViews: pv[i]!, bounced: Math.min(b[i]!, v[i]!), avgSeconds: avgSeconds + random.int(-15, 15), addToCart: null, favourites: null }),
        );
        top.forEach((code, i) => {
          const share = (weights[i]! / weightSum) * 0.7;
          const sv = Math.max(1, Math.round(visitors * share * (0.85 + random.next() * 0.3)));
          insertTraffic(db, {
            shopId: shop.id, day, skuId: skuId.get(code)!, source: '', visitors: sv, pageViews: Math.round(sv * (1.5 + random.next())),
            bounced: Math.round(sv * (0.35 + random.next() * 0.15)), avgSeconds: random.int(40, 130), addToCart: Math.round(sv * (0.06 + random.next() * 0.08)), favourites: Math.round(sv * random.next() * 0.06),
          });
        });
        for (const c of plan.campaigns) {
          const spendMajor = c.spend[0] + random.next() * (c.spend[1] - c.spend[0]);
          const clicks = Math.max(1, Math.round(spendMajor / (c.cpc * (0.85 + random.next() * 0.3))));
          const impressions = Math.round(clicks / (c.ctr * (0.8 + random.next() * 0.4)));
          const adOrders = Math.round(clicks * c.conversion * (0.5 + random.next()));
          const revenue = Math.round(adOrders * c.orderValue * (0.8 + random.next() * 0.4) * 10 ** plan.decimals);
          insertAd(db, {
            shopId: shop.id, day, channel: c.channel, campaign: c.name, currency: shop.currency, spend: Math.round(spendMajor * 10 ** plan.decimals),
            impressions, clicks, orders: adOrders, revenue,
          });
        }
      }
    }
  });
}
