/** The demo seller: a small tea and homeware business selling on Taobao (CNY) and Shopify (USD). */
export interface DemoProduct {
  title: string;
  category: string;
  brand: string;
  code: string;
  /** CNY, major units (an English-titled product, bought in and sold abroad, is priced and costed in USD at 7:1). */
  price: number;
  cost: number;
  /** A product whose sales stopped this many days ago (out of season) while stock is left: a slow mover. */
  salesEndedDaysAgo?: number;
  weight: number;
  attributes?: Record<string, string>;
  variants?: { axis: string; values: string[] };
}

export const DEMO_SHOPS = [
  { name: '山间茶舍 Taobao', platform: 'taobao', currency: 'CNY', timezone: 'Asia/Shanghai' },
  { name: 'Mountain Tea House', platform: 'shopify', currency: 'USD', timezone: 'America/Los_Angeles' },
  { name: '山间茶舍 拼多多', platform: 'pdd', currency: 'CNY', timezone: 'Asia/Shanghai' },
] as const;

export const DEMO_PRODUCTS: DemoProduct[] = [
  { title: '西湖龙井 明前特级', category: '绿茶', brand: '山间', code: 'LJ', price: 368, cost: 190, weight: 250, attributes: { 产地: '杭州' }, variants: { axis: '规格', values: ['125g', '250g'] } },
  { title: '碧螺春 一级', category: '绿茶', brand: '山间', code: 'BLC', price: 198, cost: 96, weight: 250, attributes: { 产地: '苏州' }, variants: { axis: '规格', values: ['125g', '250g'] } },
  { title: '黄山毛峰', category: '绿茶', brand: '山间', code: 'HSMF', price: 158, cost: 70, weight: 250, attributes: { 产地: '黄山' } },
  { title: '安吉白茶', category: '绿茶', brand: '山间', code: 'AJBC', price: 268, cost: 130, weight: 200 },
  { title: '信阳毛尖', category: '绿茶', brand: '山间', code: 'XYMJ', price: 138, cost: 62, weight: 250 },
  { title: '正山小种 红茶', category: '红茶', brand: '山间', code: 'ZSXZ', price: 188, cost: 85, weight: 250, variants: { axis: '规格', values: ['罐装', '袋装'] } },
  { title: '金骏眉', category: '红茶', brand: '山间', code: 'JJM', price: 428, cost: 220, weight: 200 },
  { title: '滇红 古树', category: '红茶', brand: '山间', code: 'DH', price: 168, cost: 75, weight: 250 },
  { title: '祁门红茶', category: '红茶', brand: '山间', code: 'QM', price: 178, cost: 80, weight: 250 },
  { title: '铁观音 清香型', category: '乌龙茶', brand: '山间', code: 'TGY', price: 218, cost: 100, weight: 250, variants: { axis: '香型', values: ['清香', '浓香'] } },
  { title: '大红袍', category: '乌龙茶', brand: '山间', code: 'DHP', price: 298, cost: 140, weight: 250 },
  { title: '凤凰单丛 蜜兰香', category: '乌龙茶', brand: '山间', code: 'FHDC', price: 258, cost: 120, weight: 250 },
  { title: '普洱熟茶 饼', category: '普洱', brand: '山间', code: 'PEGS', price: 238, cost: 105, weight: 357, variants: { axis: '年份', values: ['2019', '2021'] } },
  { title: '普洱生茶 饼', category: '普洱', brand: '山间', code: 'PESS', price: 268, cost: 118, weight: 357 },
  { title: '白毫银针', category: '白茶', brand: '山间', code: 'BHYZ', price: 388, cost: 190, weight: 200 },
  { title: '白牡丹 饼', category: '白茶', brand: '山间', code: 'BMD', price: 228, cost: 98, weight: 300 },
  { title: '寿眉 老白茶', category: '白茶', brand: '山间', code: 'SM', price: 158, cost: 66, weight: 300 },
  { title: '茉莉花茶', category: '花茶', brand: '山间', code: 'MLH', price: 98, cost: 38, weight: 250 },
  { title: '桂花乌龙', category: '花茶', brand: '山间', code: 'GHWL', price: 118, cost: 48, weight: 200 },
  { title: 'Tea sampler gift box', category: 'Gifts', brand: 'Mountain', code: 'GIFT-SAMPLER', price: 258, cost: 120, weight: 600, variants: { axis: 'size', values: ['6 teas', '12 teas'] } },
  { title: 'Celadon gaiwan', category: 'Teaware', brand: 'Longquan', code: 'GAIWAN', price: 168, cost: 60, weight: 300, variants: { axis: 'colour', values: ['celadon', 'white', 'ink'] } },
  { title: 'Yixing clay teapot', category: 'Teaware', brand: 'Yixing', code: 'YX-POT', price: 588, cost: 260, weight: 450, attributes: { clay: 'zisha' } },
  { title: 'Glass tea pitcher', category: 'Teaware', brand: 'Mountain', code: 'PITCHER', price: 68, cost: 22, weight: 280 },
  { title: 'Bamboo tea tray', category: 'Teaware', brand: 'Mountain', code: 'TRAY', price: 238, cost: 90, weight: 1800, variants: { axis: 'size', values: ['S', 'L'] } },
  { title: 'Tea cups, set of 6', category: 'Teaware', brand: 'Jingdezhen', code: 'CUPS6', price: 128, cost: 45, weight: 520, variants: { axis: 'colour', values: ['blue', 'white'] } },
  { title: 'Tea caddy tin', category: 'Storage', brand: 'Mountain', code: 'CADDY', price: 58, cost: 18, weight: 180, variants: { axis: 'colour', values: ['red', 'black', 'green'] } },
  { title: 'Travel tea set', category: 'Teaware', brand: 'Mountain', code: 'TRAVEL', price: 198, cost: 80, weight: 700 },
  { title: 'Electric gooseneck kettle', category: 'Teaware', brand: 'Brewlab', code: 'KETTLE', price: 399, cost: 210, weight: 1300 },
  { title: 'Tea strainer', category: 'Accessories', brand: 'Mountain', code: 'STRAINER', price: 28, cost: 7, weight: 60 },
  { title: 'Tea pet, toad', category: 'Accessories', brand: 'Yixing', code: 'TEAPET', price: 48, cost: 15, weight: 90 },
  { title: 'Linen tea towel', category: 'Accessories', brand: 'Mountain', code: 'TOWEL', price: 38, cost: 11, weight: 80, variants: { axis: 'colour', values: ['natural', 'indigo'] } },
  { title: 'Tea scoop and needle set', category: 'Accessories', brand: 'Mountain', code: 'TOOLS', price: 58, cost: 17, weight: 150 },
  { title: 'Cold brew bottle', category: 'Teaware', brand: 'Brewlab', code: 'COLDBREW', price: 88, cost: 30, weight: 400 },
  { title: 'Matcha whisk set', category: 'Teaware', brand: 'Kyoto', code: 'MATCHA-SET', price: 168, cost: 70, weight: 350 },
  { title: 'Ceremonial matcha 30g', category: 'Green tea', brand: 'Kyoto', code: 'MATCHA', price: 138, cost: 66, weight: 30 },
  { title: 'Tea journal', category: 'Gifts', brand: 'Mountain', code: 'JOURNAL', price: 48, cost: 14, weight: 300 },
  { title: 'Incense holder', category: 'Home', brand: 'Mountain', code: 'INCENSE', price: 45, cost: 13, weight: 200 },
  { title: 'Tea table runner', category: 'Home', brand: 'Mountain', code: 'RUNNER', price: 88, cost: 28, weight: 250, variants: { axis: 'length', values: ['150cm', '200cm'] } },
  { title: 'Tea tasting course voucher', category: 'Gifts', brand: 'Mountain', code: 'VOUCHER', price: 299, cost: 0, weight: 0 },
  { title: 'Chrysanthemum tea', category: '花茶', brand: '山间', code: 'JUHUA', price: 48, cost: 16, weight: 100, salesEndedDaysAgo: 45 },
  { title: 'Old teapot (discontinued)', category: 'Teaware', brand: 'Mountain', code: 'OLD-POT', price: 120, cost: 50, weight: 500 },
];
