import { describe, expect, it } from 'vitest';
import { maskEmail, maskName, maskPhone, maskStreet } from '../../src/domain/privacy.js';

describe('masks', () => {
  it('masks phones the way the platforms do, and others to their last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPhone('+1 415 555 0134')).toBe('+* *** *** 0134');
    expect(maskPhone('1******6198')).toBe('1******6198');
    expect(maskPhone('##a8f3')).toBe('##a8f3');
    expect(maskPhone('12345')).toBe('****');
    expect(maskPhone(null)).toBeNull();
  });
  it('masks names, emails and streets', () => {
    expect(maskName('王芳')).toBe('王*');
    expect(maskName('欧阳修文')).toBe('欧***');
    expect(maskName('Ann Lee')).toBe('A** L**');
    expect(maskEmail('ann.lee@example.com')).toBe('a***@example.com');
    expect(maskStreet('文三路 100 号')).toBe('文三****');
  });
});
