/** Masks for personal data in human output (README "Personal data"); --reveal shows the real values. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const digits = phone.replace(/\D/g, '');
  if (phone.includes('*') || digits.length < 7) return phone.includes('*') ? phone : '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
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
