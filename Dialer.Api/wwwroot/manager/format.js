const number = new Intl.NumberFormat();
export const n = v => number.format(v ?? 0);
export const pct = (v, digits = 1) => `${((v ?? 0) * 100).toFixed(digits)}%`;

export function duration(seconds) {
  if (seconds == null) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) k === 'class' ? e.className = v : e.setAttribute(k, v);
  e.append(...children);
  return e;
}
