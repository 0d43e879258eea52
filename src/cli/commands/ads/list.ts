import type { Command } from 'commander';
import type { AdRates } from '../../../domain/traffic/ads.js';
import type { AdSums } from '../../../db/queries/ads.js';
import { formatAmount, formatMoney } from '../../../domain/money.js';
import type { Ctx } from '../../context.js';
import type { View } from '../../render/view.js';
import { verb } from '../../verb.js';

export interface AdsListOptions {
  shop?: string;
  from?: string;
  to?: string;
  channel?: string;
}

export function adsListCommand(ctx: Ctx, run = adsListRun): Command {
  return verb(ctx, 'list', 'ads.list.summary', [
    'shopkeep ads list --from 2026-11-01 --to 2026-11-24',
    'shopkeep ads list --shop "山间茶舍 Taobao" --channel 直通车',
    'shopkeep ads list --json',
  ])
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--from <day>', ctx.t('traffic.opt.from'))
    .option('--to <day>', ctx.t('traffic.opt.to'))
    .option('--channel <channel>', ctx.t('ads.opt.channelFilter'))
    .action((o: AdsListOptions) => run(o, ctx));
}

const jsonSums = (s: AdSums & AdRates & { currency: string }) => ({
  currency: s.currency,
  spend: formatAmount(s.spend, s.currency),
  impressions: s.impressions,
  clicks: s.clicks,
  ctr: s.ctr,
  cpc: s.cpc === null ? null : formatAmount(s.cpc, s.currency),
  orders: s.orders,
  revenue: s.revenue === null ? null : formatAmount(s.revenue, s.currency),
  roas: s.roas,
});

export async function adsListRun(o: AdsListOptions, ctx: Ctx): Promise<void> {
  const { summariseCampaigns } = await import('../../../domain/traffic/ads.js');
  const { campaigns, totals } = summariseCampaigns(ctx.db(), o);
  const dash = ctx.t('label.none');
  const cells = (s: AdSums & AdRates & { currency: string }) => ({
    spend: formatMoney(s.spend, s.currency),
    impressions: s.impressions ?? dash,
    clicks: s.clicks ?? dash,
    ctr: s.ctr === null ? dash : `${(s.ctr * 100).toFixed(2)}%`,
    cpc: s.cpc === null ? dash : formatMoney(s.cpc, s.currency),
    orders: s.orders ?? dash,
    revenue: s.revenue === null ? dash : formatMoney(s.revenue, s.currency),
    roas: s.roas === null ? dash : s.roas.toFixed(2),
  });
  const view: View = {
    json: {
      campaigns: campaigns.map((c) => ({ shop: c.shopName, channel: c.channel, campaign: c.campaign, days: c.days, firstDay: c.firstDay, lastDay: c.lastDay, ...jsonSums(c) })),
      totals: totals.map(jsonSums),
    },
    blocks: () => [
      {
        kind: 'table',
        columns: [
          { key: 'shop', label: ctx.t('col.shop') },
          { key: 'channel', label: ctx.t('ads.col.channel') },
          { key: 'campaign', label: ctx.t('ads.col.campaign') },
          { key: 'days', label: ctx.t('ads.col.days'), align: 'right' },
          { key: 'spend', label: ctx.t('ads.col.spend'), align: 'right' },
          { key: 'impressions', label: ctx.t('ads.col.impressions'), align: 'right' },
          { key: 'clicks', label: ctx.t('ads.col.clicks'), align: 'right' },
          { key: 'ctr', label: ctx.t('ads.col.ctr'), align: 'right' },
          { key: 'cpc', label: ctx.t('ads.col.cpc'), align: 'right' },
          { key: 'orders', label: ctx.t('ads.col.orders'), align: 'right' },
          { key: 'revenue', label: ctx.t('ads.col.revenue'), align: 'right' },
          { key: 'roas', label: ctx.t('ads.col.roas'), align: 'right' },
        ],
        rows: [
          ...campaigns.map((c) => ({ shop: c.shopName, channel: ctx.t(`adChannel.${c.channel}` as 'adChannel.ztc'), campaign: c.campaign, days: c.days, ...cells(c) })),
          ...(campaigns.length > 1 ? totals.map((t) => ({ shop: ctx.t('ads.total', { currency: t.currency }), channel: '', campaign: '', days: '', ...cells(t) })) : []),
        ],
        empty: ctx.t('ads.list.empty'),
      },
    ],
  };
  await ctx.print(view);
}
