import { usageError } from '../../domain/errors.js';
import type { Lang } from '../../i18n/index.js';
import { blocksOf, jsonOf, JsonText, type Block, type Format, type View } from './view.js';
import { renderPlain } from './plain.js';

/** Renders a view in the chosen format (HTML says its language); table and CSV code load only when used. */
export async function render(view: View, format: Format, color: boolean, terminal: boolean, lang: Lang = 'en'): Promise<string> {
  switch (format) {
    case 'json':
      // Indented for people, compact for programs (as `gh` does).
      const json = jsonOf(view);
      if (json instanceof JsonText) return `${terminal ? JSON.stringify(JSON.parse(json.text), null, 2) : json.text}\n`;
      return `${JSON.stringify(json, null, terminal ? 2 : undefined)}\n`;
    case 'plain':
      return renderPlain(blocksOf(view));
    case 'csv': {
      const tables = blocksOf(view).filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
      if (tables.length !== 1) throw usageError('format.csvUnavailable');
      const { renderCsv } = await import('./csv.js');
      return renderCsv(tables[0]!);
    }
    case 'md':
    case 'html': {
      const document = view.documents?.[format];
      if (document) return document();
      const { htmlOf, markdownOf } = await import('./document.js');
      return format === 'md' ? markdownOf(blocksOf(view)) : htmlOf(blocksOf(view), lang);
    }
    case 'table': {
      const [{ renderTable }, { Chalk }] = await Promise.all([import('./table.js'), import('chalk')]);
      return renderTable(blocksOf(view), new Chalk({ level: color ? 1 : 0 }));
    }
  }
}
