import type { Command } from 'commander';
import { usageError } from '../../../domain/errors.js';
import { listShops } from '../../../domain/shops/shops.js';
import { addHoliday, listHolidays, removeHoliday, setHours, setTargets, slaSettings, slaSettingsOf } from '../../../domain/service/sla.js';
import { TICKET_TYPES } from '../../../domain/service/tickets.js';
import type { Ctx } from '../../context.js';
import { collect, noun, verb } from '../../verb.js';
import { holidaysView, slaView } from '../../views/tickets.js';

const scopeName = (ctx: Ctx, shop: { name: string } | null) => shop?.name ?? ctx.t('ticket.allShops');

export function slaShowCommand(ctx: Ctx, run = slaShowRun): Command {
  return verb(ctx, 'show', 'ticket.sla.show.summary', ['shopkeep ticket sla show', 'shopkeep ticket sla show --shop "山间茶舍 Taobao" --json'])
    .option('--shop <name>', ctx.t('opt.slaShowShop'))
    .action((o) => run({ shop: o.shop }, ctx));
}

export async function slaShowRun(o: { shop?: string }, ctx: Ctx): Promise<void> {
  await ctx.print(slaView(ctx, slaSettings(ctx.db(), o.shop)));
}

export interface SlaSetOptions {
  type: string[];
  firstResponse?: string;
  resolution?: string;
  shop?: string;
}

export function slaSetCommand(ctx: Ctx, run = slaSetRun): Command {
  return verb(ctx, 'set', 'ticket.sla.set.summary', [
    'shopkeep ticket sla set --type presale --first-response 30m --resolution 4h',
    'shopkeep ticket sla set --type complaint,aftersale --first-response 1h --shop "Mountain Tea House"',
    'shopkeep ticket sla set --type all --resolution 16h',
  ])
    .option('--type <types>', ctx.t('opt.slaType', { types: TICKET_TYPES.join(', ') }), collect, [])
    .option('--first-response <duration>', ctx.t('opt.firstResponse'))
    .option('--resolution <duration>', ctx.t('opt.resolutionTarget'))
    .option('--shop <name>', ctx.t('opt.slaShop'))
    .action((o) => run(o, ctx));
}

export async function slaSetRun(o: SlaSetOptions, ctx: Ctx): Promise<void> {
  const db = ctx.db();
  const { shop } = setTargets(db, { shop: o.shop, types: o.type, firstResponse: o.firstResponse, resolution: o.resolution });
  ctx.info(ctx.t('ticket.targetsSet', { scope: scopeName(ctx, shop) }));
  await ctx.print(slaView(ctx, slaSettingsOf(db, shop)));
}

export interface HoursSetOptions {
  days?: string;
  from?: string;
  to?: string;
  closed: boolean;
  shop?: string;
}

export function hoursSetCommand(ctx: Ctx, run = hoursSetRun): Command {
  return verb(ctx, 'set', 'ticket.hours.set.summary', [
    'shopkeep ticket hours set --days mon-fri --from 09:00 --to 18:00',
    'shopkeep ticket hours set --days sat,sun --closed --shop "Mountain Tea House"',
    'shopkeep ticket hours set --days all --from 09:00 --to 23:00 --shop "山间茶舍 Taobao"',
  ])
    .option('--days <days>', ctx.t('opt.days'))
    .option('--from <HH:MM>', ctx.t('opt.opens'))
    .option('--to <HH:MM>', ctx.t('opt.closes'))
    .option('--closed', ctx.t('opt.closedDays'))
    .option('--shop <name>', ctx.t('opt.slaShop'))
    .action((o) => run({ ...o, closed: Boolean(o.closed) }, ctx));
}

export async function hoursSetRun(o: HoursSetOptions, ctx: Ctx): Promise<void> {
  if (o.days === undefined) throw usageError('input.missingFlag', { flag: '--days' });
  const db = ctx.db();
  const { shop } = setHours(db, { shop: o.shop, days: o.days, from: o.from, to: o.to, closed: o.closed });
  ctx.info(ctx.t('ticket.hoursSet', { scope: scopeName(ctx, shop) }));
  await ctx.print(slaView(ctx, slaSettingsOf(db, shop)));
}

export function holidayAddCommand(ctx: Ctx, run = holidayAddRun): Command {
  return verb(ctx, 'add', 'ticket.holiday.add.summary', ['shopkeep ticket holiday add 2026-10-01 --name 国庆节', 'shopkeep ticket holiday add 2026-12-25 --name Christmas --shop "Mountain Tea House"'])
    .argument('<date>', ctx.t('arg.holidayDate'))
    .option('--name <name>', ctx.t('opt.holidayName'))
    .option('--shop <name>', ctx.t('opt.slaShop'))
    .action((date: string, o) => run(date, { name: o.name, shop: o.shop }, ctx));
}

export async function holidayAddRun(date: string, o: { name?: string; shop?: string }, ctx: Ctx): Promise<void> {
  const db = ctx.db();
  const added = addHoliday(db, { date, name: o.name, shop: o.shop });
  ctx.info(ctx.t('ticket.holidayAdded', { date: added.date, scope: scopeName(ctx, added.shop) }));
  await printHolidays(ctx, o.shop);
}

export function holidayRemoveCommand(ctx: Ctx, run = holidayRemoveRun): Command {
  return verb(ctx, 'remove', 'ticket.holiday.remove.summary', ['shopkeep ticket holiday remove 2026-10-01'])
    .argument('<date>', ctx.t('arg.holidayDate'))
    .option('--shop <name>', ctx.t('opt.slaShop'))
    .action((date: string, o) => run(date, { shop: o.shop }, ctx));
}

export async function holidayRemoveRun(date: string, o: { shop?: string }, ctx: Ctx): Promise<void> {
  const removed = removeHoliday(ctx.db(), { date, shop: o.shop });
  ctx.info(ctx.t('ticket.holidayRemoved', { date: removed.date, scope: scopeName(ctx, removed.shop) }));
  await printHolidays(ctx, o.shop);
}

export function holidayListCommand(ctx: Ctx, run = holidayListRun): Command {
  return verb(ctx, 'list', 'ticket.holiday.list.summary', ['shopkeep ticket holiday list', 'shopkeep ticket holiday list --shop "Mountain Tea House" --json'])
    .option('--shop <name>', ctx.t('opt.slaShowShop'))
    .action((o) => run({ shop: o.shop }, ctx));
}

export async function holidayListRun(o: { shop?: string }, ctx: Ctx): Promise<void> {
  await printHolidays(ctx, o.shop);
}

async function printHolidays(ctx: Ctx, shop: string | undefined): Promise<void> {
  const db = ctx.db();
  const names = new Map(listShops(db).map((s) => [s.id, s.name]));
  await ctx.print(holidaysView(ctx, listHolidays(db, shop), (id) => names.get(id) ?? String(id)));
}

/** A group of settings verbs under `ticket`, with its own examples in --help. */
function group(ctx: Ctx, name: string, summary: Parameters<typeof noun>[2], verbs: Command[], examples: string[]): Command {
  return noun(ctx, name, summary, verbs).addHelpText('after', `\n${ctx.t('help.examples')}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}

export function ticketSettingsNouns(ctx: Ctx): Command[] {
  return [
    group(ctx, 'sla', 'ticket.sla.summary', [slaShowCommand(ctx), slaSetCommand(ctx)], ['shopkeep ticket sla show', 'shopkeep ticket sla set --type presale --first-response 30m --resolution 4h']),
    group(ctx, 'hours', 'ticket.hours.summary', [hoursSetCommand(ctx)], ['shopkeep ticket hours set --days mon-fri --from 09:00 --to 18:00', 'shopkeep ticket hours set --days sun --closed --shop "Mountain Tea House"']),
    group(ctx, 'holiday', 'ticket.holiday.summary', [holidayAddCommand(ctx), holidayRemoveCommand(ctx), holidayListCommand(ctx)], ['shopkeep ticket holiday add 2026-10-01 --name 国庆节', 'shopkeep ticket holiday list']),
  ];
}
