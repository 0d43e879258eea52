import type { Profile } from '../types.js';

// Profiles for this platform land here.
export const etsyProfiles: Profile[] = [];
