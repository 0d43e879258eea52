import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../i18n/index.js';

export type TemplateName = 'pick-list' | 'packing-slip';
export type TemplateFormat = 'txt' | 'md' | 'html';

/** Fills one of the templates under templates/<lang>/ with data; synchronous once loaded. */
export type RenderTemplate = (name: TemplateName, lang: Lang, format: TemplateFormat, data: object) => string;

/**
 * Values in {{…}} are escaped for the format they land in: HTML entities in .html, Markdown punctuation in
 * .md (a "|" would end a table cell), nothing in .txt. Templates never need triple braces.
 */
const ESCAPES: Record<TemplateFormat, ((value: unknown) => string) | undefined> = {
  html: undefined, // mustache's own HTML escaping
  md: (value) => String(value).replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*[\r\n]+\s*/g, ' '),
  txt: (value) => String(value),
};

/**
 * Loads mustache (only commands that print a document pay for it) and returns a renderer over the
 * templates directory shipped with the package.
 */
export async function loadTemplates(dir = templatesDir()): Promise<RenderTemplate> {
  const { default: Mustache } = await import('mustache');
  const cache = new Map<string, string>();
  return (name, lang, format, data) => {
    const path = join(dir, lang, `${name}.${format}`);
    let template = cache.get(path);
    if (template === undefined) {
      template = readFileSync(path, 'utf8');
      cache.set(path, template);
    }
    const escape = ESCAPES[format];
    return Mustache.render(template, data, {}, escape ? { escape } : undefined);
  };
}

/**
 * templates/ at the package root, found by walking up from this module: src/domain/fulfilment/ when run
 * from source, dist/ or dist/chunks/ once bundled.
 */
export function templatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'en', 'pick-list.txt'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('shopkeep templates directory not found');
}

export { displayWidth, padEnd, padStart } from '../text/width.js';
