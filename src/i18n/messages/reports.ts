/** Reports, traffic and ads: English and Chinese side by side. */
export const reportsEn = {
  'period.fromTo': 'give both --from and --to',
  'period.backwards': '--from {from} is after --to {to}',
  'reportNoun.summary': 'reports: kpi, sales, products, inventory, customers, ads, daily (for cron)',
  'trafficNoun.summary': 'daily traffic per shop: add, import, list',
  'adsNoun.summary': 'ad and promotion spend per campaign: add, import, list',
} as const;

export const reportsZh: Record<keyof typeof reportsEn, string> = {
  'period.fromTo': '请同时给出 --from 和 --to',
  'period.backwards': '--from {from} 晚于 --to {to}',
  'reportNoun.summary': '报表：核心指标、销售、商品、库存、客户、推广、每日报表（供定时任务使用）',
  'trafficNoun.summary': '店铺每日流量：新增、导入、列表',
  'adsNoun.summary': '推广花费（按计划）：新增、导入、列表',
};
