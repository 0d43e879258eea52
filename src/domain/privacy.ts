/** Masks for personal data in human output (README "Personal data"); --reveal shows the real values. */
/** "13812345678" → "138****5678" (the platforms' own mask); other numbers keep only their last four digits. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null || phone.includes('*') || /^(##|\$\$)/.test(phone)) return phone;
  const digits = phone.replace(/\D/g, '');
  const international = phone.trim().startsWith('+') && !phone.trim().startsWith('+86');
  const mobile = international ? null : /^(?:86)?(1[3-9]\d{9})$/.exec(digits);
  if (mobile) return `${mobile[1]!.slice(0, 3)}****${mobile[1]!.slice(-4)}`;
  if (digits.length < 7) return '****';
  let keep = 4;
  return [...phone]
    .reverse()
    .map((c) => (/\d/.test(c) ? (keep-- > 0 ? c : '*') : c))
    .reverse()
    .join('');
}

export function maskName(name: string | null): string | null {
  if (name === null || name.includes('*')) return name;
  return name
    .split(/(\s+)/)
    .map((part) => (/^\s+$/.test(part) || part === '' ? part : `${[...part][0]}${'*'.repeat(Math.max(1, [...part].length - 1))}`))
    .join('');
}

export function maskEmail(email: string | null): string | null {
  if (email === null) return null;
  const at = email.indexOf('@');
  return at <= 0 ? '****' : `${email[0]}***${email.slice(at)}`;
}

/** Keeps the region, hides the street. */
export function maskStreet(street: string | null): string | null {
  if (street === null) return null;
  const chars = [...street];
  return chars.length <= 2 ? '****' : `${chars.slice(0, 2).join('')}****`;
}
