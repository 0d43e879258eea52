/** What a verb hands the renderer: the JSON contract plus the human blocks, rendered per --format. */
export interface View {
  /** The stable, English-keyed JSON for --json / --format json. */
  json: unknown;
  blocks: Block[];
}

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

export type Format = 'table' | 'plain' | 'json' | 'csv';
export const FORMATS: readonly Format[] = ['table', 'plain', 'json', 'csv'];
