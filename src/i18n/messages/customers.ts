/** Customers: English and Chinese side by side. */
export const customersEn = {
  'customerNoun.summary': 'customers: list, show, edit (tags, notes)',
} as const;

export const customersZh: Record<keyof typeof customersEn, string> = {
  'customerNoun.summary': '客户：列表、详情、编辑（标签、备注）',
};
