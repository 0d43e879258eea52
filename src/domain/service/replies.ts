import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Lang } from '../../i18n/index.js';
import { notFound, usageError } from '../errors.js';
import { templatesDir } from '../fulfilment/render-template.js';

export interface ReplyTemplate {
  name: string;
  lang: Lang;
  source: 'built-in' | 'own';
  path: string;
}

export type ReplyValues = Record<string, string | number | null>;

const LANGS: readonly Lang[] = ['en', 'zh-CN'];

function templatesIn(dir: string, source: ReplyTemplate['source']): ReplyTemplate[] {
  return LANGS.flatMap((lang) => {
    const folder = join(dir, lang);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ name: basename(f, '.txt'), lang, source, path: join(folder, f) }));
  });
}

/**
 * Canned replies: the built-in ones in templates/replies/<lang>/, and the seller's own in <ownDir>/<lang>/
 * (beside the database), which win over a built-in one of the same name.
 */
export function listReplyTemplates(ownDir: string | null): ReplyTemplate[] {
  const own = ownDir === null ? [] : templatesIn(ownDir, 'own');
  const builtIn = templatesIn(join(templatesDir(), 'replies'), 'built-in').filter((b) => !own.some((o) => o.name === b.name && o.lang === b.lang));
  return [...own, ...builtIn].sort((a, b) => a.name.localeCompare(b.name) || a.lang.localeCompare(b.lang));
}

type Token = [string, string, number, number, Token[]?];

function variablesOf(tokens: Token[], out: Set<string> = new Set(), inSection = new Set<string>()): { used: Set<string>; optional: Set<string> } {
  for (const token of tokens) {
    const [type, name] = token;
    if (type === 'name' || type === '&') out.add(name);
    if (type === '#' || type === '^') {
      inSection.add(name);
      variablesOf(token[4] ?? [], out, inSection);
    }
  }
  return { used: out, optional: inSection };
}

/**
 * Fills a reply template in the user's language (falling back to English). A variable the template uses that
 * shopkeep does not know, or one with no value here (no tracking number yet), is exit 2 naming it — never a
 * silent blank. A variable inside a {{#section}} may be absent.
 */
export async function renderReply(name: string, lang: Lang, values: ReplyValues, ownDir: string | null): Promise<{ text: string; template: ReplyTemplate }> {
  const all = listReplyTemplates(ownDir);
  const template = all.find((t) => t.name === name && t.lang === lang) ?? all.find((t) => t.name === name && t.lang === 'en');
  if (!template) throw notFound('reply.templateNotFound', { name }, { key: 'reply.templateNotFound.hint' });
  const { default: Mustache } = await import('mustache');
  const source = readFileSync(template.path, 'utf8');
  const { used, optional } = variablesOf(Mustache.parse(source) as unknown as Token[]);
  for (const variable of used) {
    if (!(variable in values)) throw usageError('reply.unknownVariable', { variable, template: template.name, known: Object.keys(values).join(', ') });
    if ((values[variable] === null || values[variable] === '') && !optional.has(variable)) throw usageError('reply.noValue', { variable, template: template.name });
  }
  return { text: Mustache.render(source, values, {}, { escape: (v: unknown) => String(v) }).trim(), template };
}
