/** Reviews: English and Chinese side by side. */
export const reviewsEn = {
  'reviewNoun.summary': 'reviews: add, import, list, reply',
} as const;

export const reviewsZh: Record<keyof typeof reviewsEn, string> = {
  'reviewNoun.summary': '评价：新增、导入、列表、回复',
};
