/** Tracking exports (`order export-tracking`): Chinese, every key of ./tracking.ts (the compiler checks). */
import type { trackingEn } from './tracking.js';

export const trackingZh: Record<keyof typeof trackingEn, string> = {
  'tracking.summary': '按平台回传的格式导出已发货包裹的运单号（亚马逊、Shopify、淘宝或通用格式）',
  'tracking.opt.platform': '要写出的格式：{platforms}（必填）',
  'tracking.opt.shop': '只导出这个店铺（默认：该平台的所有店铺；generic：所有店铺）',
  'tracking.opt.since': '只导出从此时起发出的包裹：2026-11-01、2026-11-01 08:00（按各店铺的时区）、带时区的 ISO 时间，或 7d / 12h / 2w',
  'tracking.askPlatform': '导出哪个平台的格式？',
  'tracking.layout.amazon': '亚马逊发货确认（制表符分隔，每件商品一行）',
  'tracking.layout.shopify': 'Shopify 运单 CSV（每个包裹一行）',
  'tracking.layout.taobao': '淘宝批量发货 CSV，中文表头（每个包裹一行）',
  'tracking.layout.generic': 'shopkeep 通用 CSV，包含所有店铺（每个包裹一行）',
  'tracking.platformUnknown': '未知的 --platform“{value}”；可选：{platforms}',
  'tracking.platformMissing.hint': '请用 --platform 指定以下之一：{platforms}',
  'tracking.noShop': '没有在 {platform} 上销售的店铺，没有可导出的内容；如要对某个店铺使用此格式，请用 --shop 指定',
  'tracking.otherPlatform': '店铺“{shop}”在 {shopPlatform} 上销售，而不是 {platform}；仍按要求写出 {platform} 格式',
  'tracking.done': '已将 {count} 个包裹（{rows} 行）写入 {file}',
};
