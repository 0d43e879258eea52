import type { Profile } from '../types.js';
import { amazonProfiles } from './amazon.js';
import { douyinProfiles } from './douyin.js';
import { ebayProfiles } from './ebay.js';
import { etsyProfiles } from './etsy.js';
import { jdProfiles } from './jd.js';
import { pddProfiles } from './pdd.js';
import { shopifyProfiles } from './shopify.js';
import { shopkeepProfiles } from './shopkeep.js';
import { taobaoProfiles } from './taobao.js';
import { woocommerceProfiles } from './woocommerce.js';

/** Every built-in layout, tried in this order when several match equally well. */
export const PROFILES: readonly Profile[] = [
  ...shopkeepProfiles,
  ...shopifyProfiles,
  ...woocommerceProfiles,
  ...amazonProfiles,
  ...etsyProfiles,
  ...ebayProfiles,
  ...taobaoProfiles,
  ...jdProfiles,
  ...pddProfiles,
  ...douyinProfiles,
];
