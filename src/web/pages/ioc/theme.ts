/** The IOC's dark palette, shared by CSS (ioc.css) and the charts. */
export const IOC = {
  bg: '#07111f',
  panel: '#0f2138',
  border: '#1f3b5c',
  text: '#e6edf6',
  muted: '#9fb3c8',
  accent: '#38bdf8',
  green: '#22c55e',
  amber: '#f59e0b',
  red: '#ef4444',
  blue: '#3b82f6',
  grey: '#64748b',
  violet: '#a78bfa',
  font: '"Noto Sans", "Be Vietnam Pro", "Segoe UI", Roboto, Arial, sans-serif',
} as const;

export const AXIS = {
  axisLine: { lineStyle: { color: IOC.border } },
  axisLabel: { color: IOC.muted, fontSize: 15, fontFamily: IOC.font },
  splitLine: { lineStyle: { color: '#15304d' } },
} as const;

export const TOOLTIP = {
  backgroundColor: '#0b1a2e',
  borderColor: IOC.border,
  textStyle: { color: IOC.text, fontSize: 16, fontFamily: IOC.font },
} as const;
