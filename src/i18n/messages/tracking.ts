/** Tracking exports (`order export-tracking`): English and Chinese side by side. */
export const trackingEn = {
  'tracking.summary': "write shipped parcels' tracking numbers in the layout a platform takes back (Amazon, Shopify, Taobao or generic)",
  'tracking.opt.platform': 'layout to write: {platforms} (required)',
  'tracking.opt.shop': 'only this shop (default: every shop on that platform; generic: every shop)',
  'tracking.opt.since': "only parcels shipped from this time: 2026-11-01, 2026-11-01 08:00 (each shop's time), an ISO time, or 7d / 12h / 2w",
  'tracking.askPlatform': "Which platform's layout?",
  'tracking.layout.amazon': 'Amazon shipping confirmation (tab-separated, one row per item)',
  'tracking.layout.shopify': 'Shopify tracking CSV (one row per parcel)',
  'tracking.layout.taobao': 'Taobao bulk-ship CSV with Chinese headers (one row per parcel)',
  'tracking.layout.generic': "shopkeep's own CSV, every shop (one row per parcel)",
  'tracking.platformUnknown': 'unknown --platform "{value}"; use one of: {platforms}',
  'tracking.platformMissing.hint': 'pass --platform with one of: {platforms}',
  'tracking.noShop': 'no shop sells on {platform}, so there is nothing to export; name a shop with --shop to use this layout for it',
  'tracking.otherPlatform': 'shop "{shop}" sells on {shopPlatform}, not {platform}; writing the {platform} layout as asked',
  'tracking.done': 'wrote {count} parcel(s) in {rows} row(s) to {file}',
} as const;

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
