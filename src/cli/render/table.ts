import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { displayWidth, padEnd } from '../../domain/text/width.js';
import type { Block } from './view.js';

/** Bordered tables and aligned fields for a terminal. */
export function renderTable(blocks: Block[], paint: ChalkInstance): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'text') parts.push(block.text);
    if (block.kind === 'fields') {
      const width = Math.max(0, ...block.fields.map(([label]) => displayWidth(label)));
      const lines = block.fields.map(([label, value]) => `${paint.bold(padEnd(label, width))}  ${value}`);
      parts.push([block.title ? paint.bold.underline(block.title) : '', ...lines].filter(Boolean).join('\n'));
    }
    if (block.kind === 'table') {
      const title = block.title ? `${paint.bold.underline(block.title)}\n` : '';
      if (block.rows.length === 0) {
        if (block.empty) parts.push(`${title}${paint.dim(block.empty)}`);
        continue;
      }
      const table = new Table({
        head: block.columns.map((c) => paint.bold(c.label)),
        style: { head: [], border: [] },
        colAligns: block.columns.map((c) => c.align ?? 'left'),
        wordWrap: false,
      });
      for (const row of block.rows) table.push(block.columns.map((c) => String(row[c.key] ?? '')));
      parts.push(`${title}${withoutRowRules(table.toString())}`);
    }
  }
  return parts.length > 0 ? `${parts.join('\n\n')}\n` : '';
}

/** cli-table3 rules off every row; keep the rule under the header only. */
function withoutRowRules(text: string): string {
  const lines = text.split('\n');
  const headerRule = lines.findIndex((line) => line.startsWith('├'));
  return lines.filter((line, i) => i === headerRule || !line.startsWith('├')).join('\n');
}
