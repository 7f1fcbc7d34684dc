import { t, format } from '/ui/app.js';

export const n = format.int;
export const pct = (v, digits = 1) => format.pct(v ?? 0, digits);

export function duration(seconds) {
  if (seconds == null) return '—';
  if (seconds < 90) return t('ui.unit.seconds', { n: format.int(seconds) });
  if (seconds < 5400) return t('ui.unit.minutes', { n: format.int(seconds / 60) });
  return t('ui.unit.hours', { n: format.number(seconds / 3600) });
}

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) k === 'class' ? e.className = v : e.setAttribute(k, v);
  e.append(...children);
  return e;
}
