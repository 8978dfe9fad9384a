// What a command shows, independent of the format: a title and blocks. Table and Markdown
// renderers both draw this, so the two never disagree.
import type { Finding } from '../core/findings.js';

/** How a row reads at a glance; the table renderer colours its last cell by it. */
export const TONES = ['good', 'warn', 'bad'] as const;
export type Tone = (typeof TONES)[number];

export type Block =
  | {
      kind: 'table';
      title: string;
      head?: readonly string[];
      rows: readonly (readonly string[])[];
      numeric?: readonly number[];
      /** Per row, parallel to rows; undefined leaves a row plain. */
      tones?: readonly (Tone | undefined)[];
    }
  | { kind: 'findings'; findings: readonly Finding[] }
  /**
   * list: each line is an item (Markdown renders a bulleted list; a terminal shows the lines as they are).
   * picture: a chart drawn in characters (sparklines, a scatter); an HTML page with charts leaves it out.
   */
  | { kind: 'text'; title?: string; lines: readonly string[]; list?: boolean; picture?: boolean };

export interface Doc {
  title: string;
  subtitle?: string;
  blocks: Block[];
}

export interface RenderOptions {
  color: boolean;
  /** Terminal width in columns; renderers never read the terminal themselves. */
  width: number;
}
