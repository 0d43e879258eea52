/** Order export: Chinese, every key of ./exports.ts (the compiler checks). */
import type { exportsEn } from './exports.js';

export const exportsZh: Record<keyof typeof exportsEn, string> = {
  'orderExport.summary': '按 shopkeep 自己的格式导出订单（CSV 或 JSON），可用 "order import" 原样导回；个人信息不打码',
  'orderExport.opt.since': '只导出从此时起下单的订单：2026-11-01、2026-11-01 08:00（按各店铺的时区）、带时区的 ISO 时间，或 7d / 12h / 2w',
  'orderExport.opt.status': '只导出此状态的订单（可重复，或用逗号分隔）',
  'orderExport.opt.shop': '只导出这个店铺（默认：所有店铺）',
  'orderExport.opt.format': 'csv（默认：每个订单行一行）或 json（订单数组）',
  'orderExport.badFormat': '--format：“{value}”不是 csv 或 json',
  'orderExport.done': '已将 {count} 个订单（{rows} 行）写入 {file}',
  'orderExport.doneJson': '已将 {count} 个订单写入 {file}',
  'orderExport.cellMissing': '{column} 为空',
  'orderExport.otherShop': '此行属于店铺“{rowShop}”，而不是正在导入的“{shop}”',
};
