/** Returns: English and Chinese side by side. */
export const returnsEn = {
  'returnNoun.summary': 'returns, exchanges, refunds and repairs',
} as const;

export const returnsZh: Record<keyof typeof returnsEn, string> = {
  'returnNoun.summary': '退货、换货、退款与维修',
};
