import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';

export interface AdsAddOptions {
  shop?: string;
  date?: string;
  channel?: string;
  campaign?: string;
  spend?: string;
  impressions?: string;
  clicks?: string;
  orders?: string;
  revenue?: string;
}

export function adsAddCommand(ctx: Ctx, run = adsAddRun): Command {
  return verb(ctx, 'add', 'ads.add.summary', [
    'shopkeep ads add --date 2026-11-24 --channel ztc --campaign "龙井 关键词" --spend 120.50 --impressions 8200 --clicks 164 --orders 3 --revenue 980',
    'shopkeep ads add --date 2026-11-24 --channel 万相台 --campaign 拉新 --spend 200',
    'shopkeep ads add --shop "Mountain Tea House" --date 2026-11-24 --channel google --campaign "Search - Tea" --spend 25.40 --clicks 31',
  ])
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--date <day>', ctx.t('traffic.opt.date'))
    .option('--channel <channel>', ctx.t('ads.opt.channel'))
    .option('--campaign <name>', ctx.t('ads.opt.campaign'))
    .option('--spend <amount>', ctx.t('ads.opt.spend'))
    .option('--impressions <n>', ctx.t('ads.opt.impressions'))
    .option('--clicks <n>', ctx.t('ads.opt.clicks'))
    .option('--orders <n>', ctx.t('ads.opt.orders'))
    .option('--revenue <amount>', ctx.t('ads.opt.revenue'))
    .action((o: AdsAddOptions) => run(o, ctx));
}

export async function adsAddRun(o: AdsAddOptions, ctx: Ctx): Promise<void> {
  const date = await required(ctx, o.date, '--date', 'traffic.opt.date');
  const channel = await required(ctx, o.channel, '--channel', 'ads.opt.channel');
  const campaign = await required(ctx, o.campaign, '--campaign', 'ads.opt.campaign');
  const spend = await required(ctx, o.spend, '--spend', 'ads.opt.spend');
  const { addAd } = await import('../../../domain/traffic/ads.js');
  const { outcome, record: r } = addAd(ctx.db(), { ...o, date, channel, campaign, spend });
  const key = outcome === 'new' ? 'ads.added' : outcome === 'replaced' ? 'ads.replaced' : 'ads.unchanged';
  ctx.info(ctx.t(key, { shop: r.shop, day: r.day, channel: ctx.t(`adChannel.${r.channel}`), campaign: r.campaign }));
  const dash = ctx.t('label.none');
  await ctx.print({
    json: { ad: r, outcome },
    blocks: [
      {
        kind: 'fields',
        fields: [
          [ctx.t('col.shop'), r.shop],
          [ctx.t('traffic.col.day'), r.day],
          [ctx.t('ads.col.channel'), ctx.t(`adChannel.${r.channel}`)],
          [ctx.t('ads.col.campaign'), r.campaign],
          [ctx.t('ads.col.spend'), `${r.spend} ${r.currency}`],
          // A figure not given is unknown: "—", as ads list shows it.
          [ctx.t('ads.col.impressions'), r.impressions === null ? dash : String(r.impressions)],
          [ctx.t('ads.col.clicks'), r.clicks === null ? dash : String(r.clicks)],
          [ctx.t('ads.col.orders'), r.orders === null ? dash : String(r.orders)],
          [ctx.t('ads.col.revenue'), r.revenue === null ? dash : `${r.revenue} ${r.currency}`],
        ],
      },
    ],
  });
}
