import { markdownCell } from './markdown-cell.js';
import type { Block, Cell, FieldsBlock, TableBlock } from './view.js';

/**
 * --format md / html for any view without documents of its own (the sibling reports, lists): its fields as a
 * two-column table, its tables as tables, its text as paragraphs. The HTML is one self-contained file (inline CSS,
 * no scripts, no external assets), readable in a browser and in a mail client.
 */

const text = (cell: Cell) => (cell === null ? '' : String(cell));
const titleOf = (blocks: Block[]) => blocks.find((b): b is TableBlock | FieldsBlock => b.kind !== 'text' && b.title !== undefined)?.title ?? 'shopkeep';


function mdTable(header: string[], rows: string[][], right: boolean[] = []): string[] {
  const rule = header.map((_, i) => (right[i] ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function markdownOf(blocks: Block[]): string {
  const title = titleOf(blocks);
  const out = [`# ${markdownCell(title)}`, ''];
  for (const block of blocks) {
    if (block.kind === 'text') out.push(block.text, '');
    if (block.kind === 'fields') {
      if (block.title && block.title !== title) out.push(`## ${markdownCell(block.title)}`, '');
      out.push(...mdTable(['', ''], block.fields.map(([label, value]) => [markdownCell(label), markdownCell(value)])), '');
    }
    if (block.kind === 'table') {
      if (block.title && block.title !== title) out.push(`## ${markdownCell(block.title)}`, '');
      if (block.rows.length === 0 && block.empty) out.push(markdownCell(block.empty), '');
      else {
        const header = block.columns.map((c) => markdownCell(c.label));
        out.push(...mdTable(header, block.rows.map((row) => block.columns.map((c) => markdownCell(row[c.key] ?? null))), block.columns.map((c) => c.align === 'right')), '');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const STYLE =
  'body{font-family:-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}' +
  'table{border-collapse:collapse;margin:8px 0 20px}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left}' +
  'th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}h1{font-size:20px}h2{font-size:16px}';

export function htmlOf(blocks: Block[], lang = 'en'): string {
  const title = titleOf(blocks);
  const body: string[] = [`<h1>${esc(title)}</h1>`];
  for (const block of blocks) {
    if (block.kind === 'text') body.push(`<p>${esc(block.text).replace(/\r?\n/g, '<br>')}</p>`);
    if (block.kind === 'fields') {
      if (block.title && block.title !== title) body.push(`<h2>${esc(block.title)}</h2>`);
      body.push(`<table>${block.fields.map(([label, value]) => `<tr><th>${esc(label)}</th><td>${esc(value)}</td></tr>`).join('')}</table>`);
    }
    if (block.kind === 'table') {
      if (block.title && block.title !== title) body.push(`<h2>${esc(block.title)}</h2>`);
      if (block.rows.length === 0 && block.empty) body.push(`<p>${esc(block.empty)}</p>`);
      else {
        const head = `<tr>${block.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr>`;
        const rows = block.rows.map((row) => `<tr>${block.columns.map((c) => `<td${c.align === 'right' ? ' class="num"' : ''}>${esc(text(row[c.key] ?? null))}</td>`).join('')}</tr>`);
        body.push(`<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`);
      }
    }
  }
  return `<!doctype html>\n<html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>\n${body.join('\n')}\n</body></html>\n`;
}
