// A rate as a person writes it: 3/s, 180/min or 12/h, in the unit that reads best.

export function formatRate(perSecond: number): string {
  const round = (x: number): string => String(Number(x.toPrecision(3)));
  if (perSecond >= 1) return `${round(perSecond)}/s`;
  if (perSecond * 60 >= 1) return `${round(perSecond * 60)}/min`;
  return `${round(perSecond * 3600)}/h`;
}
