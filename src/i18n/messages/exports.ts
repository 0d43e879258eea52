/** Order export: English (Chinese: ./exports.zh-CN.ts, loaded only for zh-CN). */
export const exportsEn = {
  'orderExport.summary': "export orders in shopkeep's own layout (CSV or JSON) that \"order import\" reads back unchanged; personal data is not masked",
  'orderExport.opt.since': "only orders placed from this time: 2026-11-01, 2026-11-01 08:00 (each shop's time), an ISO time, or 7d / 12h / 2w",
  'orderExport.opt.status': 'only orders in this status (repeatable, or comma-separated)',
  'orderExport.opt.shop': 'only this shop (default: every shop)',
  'orderExport.opt.format': 'csv (default: one row per order line) or json (an array of orders)',
  'orderExport.badFormat': '--format: "{value}" is not one of csv, json',
  'orderExport.done': 'wrote {count} order(s) in {rows} row(s) to {file}',
  'orderExport.doneJson': 'wrote {count} order(s) to {file}',
  'orderExport.cellMissing': '{column} is empty',
  'orderExport.otherShop': 'this row belongs to shop "{rowShop}", not to "{shop}" being imported into',
} as const;
