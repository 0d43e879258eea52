import type { Profile } from '../types.js';

// The layout `order export` writes, read back by `order import` (round trip).
export const shopkeepProfiles: Profile[] = [];
