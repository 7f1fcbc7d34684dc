import { getJson } from './api.js';
import { timeBars, lineAgainstCap, mix, hourly } from './charts.js';
import { pct, n } from './format.js';
import { t, has } from '/ui/app.js';
import { showRecordings, wireRecordings } from './recordings.js';
import { showCallerIds } from './caller-ids.js';
import { showRegistryWarnings } from './registries.js';

const $ = id => document.getElementById(id);
let current = null, lastDrawn = 0, timer = 0;
wireRecordings();

/** The selected campaign's charts: today's timeline and its results, redrawn at most every 10 s while it is live. */
export async function showDetail(figures) {
  current = figures.campaignId;
  $('detail').hidden = false;
  showPauseReason(figures);
  showRecordings(current).catch(error => console.error('recordings', error));
  await draw();
}

export function refreshDetail(figures) {
  showPauseReason(figures);
  if (Date.now() - lastDrawn > 10_000) draw();
  else { clearTimeout(timer); timer = setTimeout(draw, 10_000 - (Date.now() - lastDrawn)); }
}

function showPauseReason(figures) {
  $('detail-name').textContent = figures.name;
  $('detail-pause-reason').textContent = figures.pauseReason ?? '';
  $('detail-pause-reason').hidden = !figures.pauseReason;
}

async function draw() {
  const id = current;
  lastDrawn = Date.now();
  const from = new Date(); from.setHours(0, 0, 0, 0); // the manager's own day
  const [timeline, results] = await Promise.all([
    getJson(`/api/campaigns/${id}/timeline?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(new Date().toISOString())}`),
    getJson(`/api/campaigns/${id}/results`),
  ]);
  if (id !== current) return;
  showCallerIds(id).catch(error => console.error('caller ids', error));
  showRegistryWarnings().catch(error => console.error('registries', error));
  timeBars($('chart-timeline'), timeline.buckets, [
    { name: t('floor.chart.dials'), key: 'dials', cls: 'bar dials' },
    { name: t('floor.chart.connects'), key: 'connects', cls: 'bar connects' },
    { name: t('floor.chart.conversions'), key: 'conversions', cls: 'bar conversions' },
  ]);
  lineAgainstCap($('chart-abandon'), timeline.buckets, 'abandonRate', timeline.abandonTarget);
  mix($('chart-outcomes'), Object.entries(timeline.outcomes)
    .map(([outcome, count]) => [has(`floor.outcome.${outcome}`) ? t(`floor.outcome.${outcome}`) : outcome, count]));
  hourly($('chart-hours'), results.byLocalHour.filter(h => h.key != null).map(h => ({
    key: h.key, rate: h.conversionPerDial, label: t('floor.chart.hourLabel', { conversions: n(h.conversions), dials: n(h.dials), rate: pct(h.conversionPerDial) }),
  })));
}
