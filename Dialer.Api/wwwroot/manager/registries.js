// National do-not-call registry copies older than their jurisdiction allows: their contacts are not dialed until a
// fresh copy is uploaded, so the floor says so, as it says when a caller ID rests.
import { getJson } from './api.js';
import { el } from './format.js';
import { t } from '/ui/app.js';

export async function showRegistryWarnings() {
  const stale = (await getJson('/api/registry-lists')).filter(l => l.stale);
  const box = document.getElementById('registry-warnings');
  box.replaceChildren(...stale.map(l => el('li', {}, t('floor.registries.stale',
    { name: l.name, jurisdiction: l.jurisdiction, date: l.downloadedOn, days: l.maxAgeDays }))));
  box.hidden = stale.length === 0;
}
