import type { Cell } from './view.js';

/**
 * A cell's text for a Markdown table: backslashes and | escaped (a | would split the cell), and < escaped so that a
 * title written like a tag (`<script>`, `<b>`) shows as written instead of being taken for HTML by a renderer;
 * line ends (CRLF, LF or a lone CR, which Markdown also ends a line at) become <br>.
 */
export function markdownCell(cell: Cell): string {
  const text = cell === null ? '' : String(cell);
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '\\<').replace(/\r\n|\r|\n/g, '<br>');
}
