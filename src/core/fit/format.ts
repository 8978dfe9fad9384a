// Numbers in reason strings: three significant figures, no trailing zeros.
export const sig = (x: number, digits = 3): string => (Number.isFinite(x) ? String(Number(x.toPrecision(digits))) : String(x));
