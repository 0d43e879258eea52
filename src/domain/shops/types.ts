export const PLATFORMS = ['taobao', 'tmall', 'jd', 'pdd', 'douyin', 'shopify', 'amazon', 'etsy', 'ebay', 'woocommerce', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Chinese platforms settle in CNY on Beijing time; the others vary by shop and must be told. */
export const CHINESE_PLATFORMS: readonly Platform[] = ['taobao', 'tmall', 'jd', 'pdd', 'douyin'];

export interface Shop {
  id: number;
  name: string;
  platform: Platform;
  currency: string;
  timezone: string;
  isDefault: boolean;
  createdAt: number;
}

export interface ShopInput {
  name: string;
  platform: string;
  currency?: string;
  timezone?: string;
  makeDefault?: boolean;
}

export interface ShopChanges {
  name?: string;
  platform?: string;
  currency?: string;
  timezone?: string;
  makeDefault?: boolean;
}
