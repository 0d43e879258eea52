import { describe, expect, it } from 'vitest';
import { markdownCell } from '../../src/cli/render/markdown-cell.js';

describe('markdownCell', () => {
  it('keeps a cell in its column and its text as written', () => {
    expect(markdownCell('Back\\|slash <b>tea</b>')).toBe('Back\\\\\\|slash \\<b>tea\\</b>');
    expect(markdownCell('one\r\ntwo\nthree\rfour')).toBe('one<br>two<br>three<br>four');
    expect(markdownCell(null)).toBe('');
    expect(markdownCell(12.5)).toBe('12.5');
  });
});
