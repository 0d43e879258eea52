/** Tracking exports (`order export-tracking`): English (Chinese: ./tracking.zh-CN.ts, loaded only for zh-CN). */
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
