import { usageError } from '../../domain/errors.js';
import type { Block, Format, View } from './view.js';
import { renderPlain } from './plain.js';

/** Renders a view in the chosen format; table and CSV code load only when used. */
export async function render(view: View, format: Format, color: boolean): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(view.json, null, 2)}\n`;
    case 'plain':
      return renderPlain(view.blocks);
    case 'csv': {
      const tables = view.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
      if (tables.length !== 1) throw usageError('format.csvUnavailable');
      const { renderCsv } = await import('./csv.js');
      return renderCsv(tables[0]!);
    }
    case 'table': {
      const [{ renderTable }, { Chalk }] = await Promise.all([import('./table.js'), import('chalk')]);
      return renderTable(view.blocks, new Chalk({ level: color ? 1 : 0 }));
    }
  }
}
