/** Order export: English and Chinese side by side. */
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
