/** What a verb hands the renderer: the JSON contract plus the human blocks, rendered per --format. */
export interface View {
  /** The stable, English-keyed JSON for --json / --format json (a function when costly to build). */
  json: unknown | (() => unknown);
  /** What people read (a function when costly: only the chosen format is built). */
  blocks: Block[] | (() => Block[]);
  /** Whole documents for --format md / html (pick lists, packing slips, reports), where the command has them. */
  documents?: Partial<Record<'md' | 'html', () => string>>;
}

/** JSON already serialised (by SQLite, for big lists): printed as is, or re-indented on a terminal. */
export class JsonText {
  constructor(readonly text: string) {}
}

export const jsonOf = (view: View): unknown => (typeof view.json === 'function' ? (view.json as () => unknown)() : view.json);
export const blocksOf = (view: View): Block[] => (typeof view.blocks === 'function' ? view.blocks() : view.blocks);

export type Block = FieldsBlock | TableBlock | TextBlock;

export interface FieldsBlock {
  kind: 'fields';
  title?: string;
  fields: [label: string, value: string][];
}

export interface Column {
  key: string;
  label: string;
  align?: 'left' | 'right';
}

export type Cell = string | number | null;

export interface TableBlock {
  kind: 'table';
  title?: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** Shown on a terminal instead of an empty table. */
  empty?: string;
}

export interface TextBlock {
  kind: 'text';
  text: string;
}

export type Format = 'table' | 'plain' | 'json' | 'csv' | 'md' | 'html';
export const FORMATS: readonly Format[] = ['table', 'plain', 'json', 'csv', 'md', 'html'];
