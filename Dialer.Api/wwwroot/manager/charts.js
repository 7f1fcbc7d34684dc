// Small SVG charts drawn from data: no library, no build step. Every chart fills its <svg> via its viewBox.
import { t, format } from '/ui/app.js';

const hour = at => format.time(at, { hour: '2-digit', minute: '2-digit' });
const ns = 'http://www.w3.org/2000/svg';
const W = 600, H = 220, pad = { l: 40, r: 10, t: 12, b: 26 };

function svg(target) {
  target.setAttribute('viewBox', `0 0 ${W} ${H}`);
  target.replaceChildren();
  return (tag, attrs, text) => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text != null) e.textContent = text;
    target.append(e);
    return e;
  };
}

function axes(add, max, format = v => v) {
  for (let i = 0; i <= 4; i++) {
    const y = pad.t + (H - pad.t - pad.b) * (1 - i / 4);
    add('line', { x1: pad.l, x2: W - pad.r, y1: y, y2: y, class: 'grid' });
    add('text', { x: pad.l - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, format(max * i / 4));
  }
}

const niceMax = v => { if (v <= 0) return 1; const p = 10 ** Math.floor(Math.log10(v)); return Math.ceil(v / p) * p; };

/** Grouped bars over time: series = [{ name, key, cls }], points = [{ at, ...values }]. */
export function timeBars(target, points, series) {
  const add = svg(target);
  const max = niceMax(Math.max(4, ...points.flatMap(p => series.map(s => p[s.key])))); // 4: whole numbers on the axis
  axes(add, max, v => Math.round(v));
  const slot = (W - pad.l - pad.r) / Math.max(points.length, 1), bar = Math.max(1, slot / (series.length + 0.5));
  points.forEach((p, i) => series.forEach((s, j) => {
    const h = (H - pad.t - pad.b) * p[s.key] / max;
    if (h > 0) add('rect', { x: pad.l + i * slot + j * bar, y: H - pad.b - h, width: bar, height: h, class: s.cls })
      .append(Object.assign(document.createElementNS(ns, 'title'), { textContent: `${hour(p.at)} ${s.name}: ${format.int(p[s.key])}` }));
  }));
  hourLabels(add, points, slot);
  legend(add, series);
}

/** A line against a horizontal cap (the abandon target). */
export function lineAgainstCap(target, points, key, cap) {
  const add = svg(target);
  const max = niceMax(Math.max(cap * 1.5, ...points.map(p => p[key])));
  axes(add, max, v => format.pct(v, 1));
  const x = i => pad.l + (W - pad.l - pad.r) * i / Math.max(points.length - 1, 1);
  const y = v => H - pad.b - (H - pad.t - pad.b) * v / max;
  add('line', { x1: pad.l, x2: W - pad.r, y1: y(cap), y2: y(cap), class: 'cap' });
  add('text', { x: W - pad.r, y: y(cap) - 4, 'text-anchor': 'end', class: 'cap-label' }, t('floor.chart.cap', { cap: format.pct(cap, 1) }));
  if (points.length) add('polyline', { points: points.map((p, i) => `${x(i)},${y(p[key])}`).join(' '), class: points.at(-1)[key] > cap ? 'line over' : 'line' });
  hourLabels(add, points, (W - pad.l - pad.r) / Math.max(points.length, 1));
}

/** Horizontal bars for a mix: entries = [[label, value]]. */
export function mix(target, entries) {
  const add = svg(target);
  const total = entries.reduce((s, [, v]) => s + v, 0) || 1, rowH = Math.min(28, (H - 10) / Math.max(entries.length, 1));
  entries.forEach(([label, value], i) => {
    const y = 6 + i * rowH, w = (W - 220) * value / total;
    add('text', { x: 130, y: y + rowH * 0.65, 'text-anchor': 'end', class: 'tick' }, label);
    add('rect', { x: 140, y: y + 3, width: Math.max(w, 1), height: rowH - 6, class: `bar mix-${i % 6}` });
    add('text', { x: 146 + w, y: y + rowH * 0.65, class: 'tick' }, `${format.int(value)} (${format.pct(value / total, 0)})`);
  });
  if (!entries.length) add('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, t('floor.chart.noCalls'));
}

/** Rate per hour of the day: rows = [{ key: "00".."23", rate, label }]. */
export function hourly(target, rows) {
  const add = svg(target);
  const byHour = new Map(rows.map(r => [Number(r.key), r]));
  const max = niceMax(Math.max(0.01, ...rows.map(r => r.rate)));
  axes(add, max, v => format.pct(v, 0));
  const slot = (W - pad.l - pad.r) / 24;
  for (let h = 0; h < 24; h++) {
    const r = byHour.get(h), bh = r ? (H - pad.t - pad.b) * r.rate / max : 0;
    if (bh > 0) add('rect', { x: pad.l + h * slot + 2, y: H - pad.b - bh, width: slot - 4, height: bh, class: 'bar conversions' })
      .append(Object.assign(document.createElementNS(ns, 'title'), { textContent: `${h}:00 ${r.label}` }));
    if (h % 3 === 0) add('text', { x: pad.l + h * slot + slot / 2, y: H - 8, 'text-anchor': 'middle', class: 'tick' }, `${h}h`);
  }
}

function hourLabels(add, points, slot) {
  points.forEach((p, i) => {
    const d = new Date(p.at);
    if (d.getMinutes() === 0 && d.getHours() % 3 === 0)
      add('text', { x: pad.l + i * slot, y: H - 8, 'text-anchor': 'middle', class: 'tick' }, `${d.getHours()}h`);
  });
}

function legend(add, series) {
  series.forEach((s, i) => {
    add('rect', { x: pad.l + 10 + i * 110, y: 2, width: 10, height: 10, class: s.cls });
    add('text', { x: pad.l + 24 + i * 110, y: 11, class: 'tick' }, s.name);
  });
}
