// How wide tables and charts may be: COLUMNS when it is set (as `ls` and most tools do, so
// `COLUMNS=80 flyscale sweep ... | less` works), else the terminal's width, else 100 for a
// pipe or a file. A width below 40 would leave no room for a table: it counts as 40.
import { wholeNumberText } from './flags.js';

export const PIPED_WIDTH = 100;
export const MIN_WIDTH = 40;
const MAX_WIDTH = 1000;

export function outputWidth(columnsEnv: string | undefined, terminalColumns: number | undefined): number {
  const fromEnv = columnsEnv === undefined ? undefined : wholeNumberText(columnsEnv);
  const chosen = fromEnv !== undefined && fromEnv > 0 ? fromEnv : terminalColumns !== undefined && terminalColumns > 0 ? terminalColumns : PIPED_WIDTH;
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, chosen));
}
