// Before launch: who will be called now, later today, later, never (and why); and the forecast per dialing mode.
import { api, el, fmt, notify } from './app.js';
import { stat } from './contacts-upload.js';

const REASONS = {
  'lawful-now': 'in calling hours now', 'outside-calling-hours': 'outside calling hours', 'do-not-call': 'on a do-not-call list',
  'zone-unknown': 'time zone unknown', 'no-common-calling-hours': 'zones with no common calling hours',
  'attempts-exhausted': 'attempts used up', '24-hour-attempt-cap': '24-hour attempt cap reached', finished: 'already finished',
  'retry-scheduled': 'retry not due yet',
};
const MODES = { progressive: 'Progressive', power: 'Power', predictive: 'Predictive' };

export function prelaunchSection(section, campaignId, settings) {
  const figures = el('div', { id: 'prelaunch-figures', 'aria-live': 'polite' });
  const forecast = el('div', { id: 'forecast-result', 'aria-live': 'polite' });
  const input = (id, label, attrs) => el('div', { class: 'field' }, el('label', { for: id }, label),
    el('input', { id, type: 'number', 'aria-describedby': `${id}-source`, ...attrs }), el('small', { id: `${id}-source`, class: 'hint' }));
  const form = el('form', { id: 'forecast-form', 'aria-label': 'Forecast' },
    el('div', { class: 'grid' },
      input('fc-agents', 'Agents', { value: 10, min: 1, max: 200, required: true }),
      input('fc-answer', 'People answering (% of dials)', { value: 15, min: 1, max: 90, step: 1 }),
      input('fc-talk', 'Talk time (seconds)', { value: 150, min: 10, max: 3600 }),
      input('fc-wrap', 'Wrap-up (seconds)', { value: 30, min: 0, max: 1800 })),
    el('p', {}, el('button', { type: 'submit', id: 'run-forecast' }, 'Run forecast')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    forecast.replaceChildren(el('p', { class: 'muted' }, 'Simulating an hour of dialing in each mode…'));
    try {
      const value = id => form.querySelector(id).value;
      const result = await api(`/api/campaigns/${campaignId}/forecast`, { method: 'POST', body: {
        agents: Number(value('#fc-agents')), answerRate: Number(value('#fc-answer')) / 100,
        talkSeconds: Number(value('#fc-talk')), wrapSeconds: Number(value('#fc-wrap')) } });
      forecast.replaceChildren(renderForecast(result, settings));
    } catch (err) {
      forecast.replaceChildren(el('div', { class: 'alert error', role: 'alert' },
        err.errors ? Object.values(err.errors).flat().join(' ') : err.message));
    } finally { button.disabled = false; }
  });

  async function refresh() {
    try {
      figures.replaceChildren(...renderCheck(await api(`/api/campaigns/${campaignId}/prelaunch`)));
      fillInputs(form, await api(`/api/campaigns/${campaignId}/forecast/inputs`));
    }
    catch (err) { notify(err.message, 'error'); }
  }

  section.replaceChildren(
    el('div', { class: 'page-head' }, el('h2', { id: 'prelaunch-title' }, 'Pre-launch check'),
      el('button', { type: 'button', class: 'small', id: 'recheck', onclick: refresh }, 'Check again')),
    el('p', { class: 'muted' }, 'As if the campaign started now, with its calling window, in each contact’s own time zone.'),
    figures, el('h3', {}, 'Forecast'),
    el('p', { class: 'muted' }, 'A short simulation of this campaign with the agents you expect.'), form, forecast);
  refresh();
  return { refresh };
}

function reasons(group) {
  // the rule and jurisdiction that held contacts back, where one did: "outside-calling-hours: ES Mon-Fri 09:00-21:00"
  const entries = [...Object.entries(group.reasons).map(([k, n]) => [REASONS[k] ?? k, n]), ...Object.entries(group.rules ?? {})];
  return entries.length ? el('ul', {}, entries.map(([k, n]) => el('li', {}, `${fmt.int(n)} ${k}`))) : null;
}

const SOURCES = { 'logged-in': 'logged in to this campaign now', history: 'learned from this campaign’s calls', default: 'a typical campaign' };

// The figures a forecast would use by itself: the agents logged in, the campaign's own history, else defaults.
function fillInputs(form, inputs) {
  const fields = { 'fc-agents': [inputs.agents, v => v], 'fc-answer': [inputs.answerRate, v => Math.round(v * 100)],
    'fc-talk': [inputs.talkSeconds, v => Math.round(v)], 'fc-wrap': [inputs.wrapSeconds, v => Math.round(v)] };
  for (const [id, [input, shown]] of Object.entries(fields)) {
    const box = form.querySelector(`#${id}`);
    if (!box.dataset.touched && (id !== 'fc-agents' || input.value > 0)) box.value = shown(input.value);
    box.addEventListener('input', () => { box.dataset.touched = '1'; }, { once: true });
    const sample = input.sample ? ` (${fmt.int(input.sample)} calls)` : '';
    form.querySelector(`#${id}-source`).textContent = id === 'fc-agents' && input.value < 1
      ? 'No agent is logged in to this campaign now: type how many you expect.'
      : `${SOURCES[input.source] ?? input.source}${sample}`;
  }
}

function renderCheck(r) {
  const first = g => g.firstOpening ? el('p', { class: 'muted' }, `from ${fmt.time(g.firstOpening)}`) : null;
  const out = [el('div', { class: 'stats' },
    stat('Callable now', r.now.count, 'good', reasons(r.now)),
    stat('Later today', r.laterToday.count, 'later', [first(r.laterToday), reasons(r.laterToday)]),
    stat('Later', r.later.count, '', [first(r.later), reasons(r.later)]),
    stat('Never', r.never.count, r.never.count ? 'bad' : '', reasons(r.never)))];
  if (r.problems.length)
    out.push(el('div', { class: 'alert warn', id: 'prelaunch-problems' }, 'Before you launch:', el('ul', {}, r.problems.map(p => el('li', {}, p)))));
  else out.push(el('div', { class: 'alert ok' }, `Ready: ${fmt.int(r.total)} contacts, no problems found.`));
  return out;
}

function renderForecast(f, { mode: campaignMode, abandonTarget }) {
  return el('table', { id: 'forecast-table' },
    el('caption', { class: 'muted' }, `${f.agents} agents, ${fmt.pct(f.answerRate, 0)} answered by a person, ${fmt.int(f.callableContacts)} contacts to call `
      + `(${f.seeds} simulated runs of ${f.simulatedHours} h each).`),
    el('thead', {}, el('tr', {}, ['Mode', 'Agent occupancy', 'Abandon rate', 'Contacts per hour', 'Dials per hour', 'List lasts']
      .map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '' }, h)))),
    el('tbody', {}, f.modes.map(m => el('tr', { class: m.mode === campaignMode ? 'highlight' : '' },
      el('th', { scope: 'row' }, MODES[m.mode] ?? m.mode, m.mode === campaignMode ? ' (this campaign)' : ''),
      el('td', { class: 'num' }, fmt.pct(m.occupancy)),
      el('td', { class: m.abandonRate > abandonTarget ? 'num over-target' : 'num',
        title: m.abandonRate > abandonTarget ? `Above the campaign's target of ${fmt.pct(abandonTarget)}` : null },
        fmt.pct(m.abandonRate, 2), m.abandonRate > abandonTarget ? el('span', { class: 'visually-hidden' }, ' (above target)') : null),
      el('td', { class: 'num' }, m.contactsPerHour.toFixed(0)),
      el('td', { class: 'num' }, m.dialsPerHour.toFixed(0)),
      el('td', { class: 'num' }, fmt.hours(m.hoursToFinish))))));
}
