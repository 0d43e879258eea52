import type { Block, Cell } from './view.js';

const clean = (cell: Cell) => (cell === null ? '' : String(cell).replace(/[\t\r\n]+/g, ' '));

/** Tab-separated rows for pipes: no header, no borders, no colour (like `gh` when piped). */
export function renderPlain(blocks: Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'text') lines.push(block.text);
    if (block.kind === 'fields') for (const [label, value] of block.fields) lines.push(`${label}\t${clean(value)}`);
    if (block.kind === 'table') for (const row of block.rows) lines.push(block.columns.map((c) => clean(row[c.key] ?? null)).join('\t'));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
