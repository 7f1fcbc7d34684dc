// Before launch: who will be called now, later today, later, never (and why); and the forecast per dialing mode.
import { api, el, fmt, notify, t, has, format } from './app.js';
import { stat } from './contacts-upload.js';

// the check's reason codes and the forecast's modes, as the catalogue words them (prelaunch.reason.<code>)
const reasonText = code => has(`prelaunch.reason.${code}`) ? t(`prelaunch.reason.${code}`) : code;
const modeName = mode => has(`prelaunch.mode.${mode}`) ? t(`prelaunch.mode.${mode}`) : mode;

export function prelaunchSection(section, campaignId, settings) {
  const figures = el('div', { id: 'prelaunch-figures', 'aria-live': 'polite' });
  const forecast = el('div', { id: 'forecast-result', 'aria-live': 'polite' });
  const input = (id, label, attrs) => el('div', { class: 'field' }, el('label', { for: id }, label),
    el('input', { id, type: 'number', 'aria-describedby': `${id}-source`, ...attrs }), el('small', { id: `${id}-source`, class: 'hint' }));
  const form = el('form', { id: 'forecast-form', 'aria-label': t('prelaunch.forecast.title') },
    el('div', { class: 'grid' },
      input('fc-agents', t('prelaunch.forecast.agents'), { value: 10, min: 1, max: 200, required: true }),
      input('fc-answer', t('prelaunch.forecast.answering'), { value: 15, min: 1, max: 90, step: 1 }),
      input('fc-talk', t('prelaunch.forecast.talk'), { value: 150, min: 10, max: 3600 }),
      input('fc-wrap', t('prelaunch.forecast.wrap'), { value: 30, min: 0, max: 1800 })),
    el('p', {}, el('button', { type: 'submit', id: 'run-forecast' }, t('prelaunch.forecast.run'))));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    forecast.replaceChildren(el('p', { class: 'muted' }, t('prelaunch.forecast.simulating')));
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
    el('div', { class: 'page-head' }, el('h2', { id: 'prelaunch-title' }, t('prelaunch.title')),
      el('button', { type: 'button', class: 'small', id: 'recheck', onclick: refresh }, t('prelaunch.checkAgain'))),
    el('p', { class: 'muted' }, t('prelaunch.intro')),
    figures, el('h3', {}, t('prelaunch.forecast.title')),
    el('p', { class: 'muted' }, t('prelaunch.forecast.intro')), form, forecast);
  refresh();
  return { refresh };
}

function reasons(group) {
  // the rule and jurisdiction that held contacts back, where one did: "outside-calling-hours: ES Mon-Fri 09:00-21:00"
  const entries = [...Object.entries(group.reasons).map(([k, n]) => [reasonText(k), n]), ...Object.entries(group.rules ?? {})];
  return entries.length ? el('ul', {}, entries.map(([k, n]) => el('li', {}, `${fmt.int(n)} ${k}`))) : null;
}

const sourceText = source => has(`prelaunch.source.${source}`) ? t(`prelaunch.source.${source}`) : source;

// The figures a forecast would use by itself: the agents logged in, the campaign's own history, else defaults.
function fillInputs(form, inputs) {
  const fields = { 'fc-agents': [inputs.agents, v => v], 'fc-answer': [inputs.answerRate, v => Math.round(v * 100)],
    'fc-talk': [inputs.talkSeconds, v => Math.round(v)], 'fc-wrap': [inputs.wrapSeconds, v => Math.round(v)] };
  for (const [id, [input, shown]] of Object.entries(fields)) {
    const box = form.querySelector(`#${id}`);
    if (!box.dataset.touched && (id !== 'fc-agents' || input.value > 0)) box.value = shown(input.value);
    box.addEventListener('input', () => { box.dataset.touched = '1'; }, { once: true });
    const sample = input.sample ? ` ${t('prelaunch.source.sample', { calls: fmt.int(input.sample) })}` : '';
    form.querySelector(`#${id}-source`).textContent = id === 'fc-agents' && input.value < 1
      ? t('prelaunch.source.noAgent')
      : `${sourceText(input.source)}${sample}`;
  }
}

function renderCheck(r) {
  const first = g => g.firstOpening ? el('p', { class: 'muted' }, t('prelaunch.from', { at: fmt.time(g.firstOpening) })) : null;
  const out = [el('div', { class: 'stats' },
    stat(t('prelaunch.now'), r.now.count, 'good', reasons(r.now)),
    stat(t('prelaunch.laterToday'), r.laterToday.count, 'later', [first(r.laterToday), reasons(r.laterToday)]),
    stat(t('prelaunch.later'), r.later.count, '', [first(r.later), reasons(r.later)]),
    stat(t('prelaunch.never'), r.never.count, r.never.count ? 'bad' : '', reasons(r.never)))];
  if (r.problems.length)
    out.push(el('div', { class: 'alert warn', id: 'prelaunch-problems' }, t('prelaunch.beforeLaunch'), el('ul', {}, r.problems.map(p => el('li', {}, p)))));
  else out.push(el('div', { class: 'alert ok' }, t('prelaunch.ready', { total: fmt.int(r.total) })));
  return out;
}

function renderForecast(f, { mode: campaignMode, abandonTarget }) {
  return el('table', { id: 'forecast-table' },
    el('caption', { class: 'muted' }, t('prelaunch.forecast.caption', { agents: fmt.int(f.agents), answered: fmt.pct(f.answerRate, 0),
      contacts: fmt.int(f.callableContacts), runs: fmt.int(f.seeds), hours: format.number(f.simulatedHours, 0) })),
    el('thead', {}, el('tr', {}, ['mode', 'occupancy', 'abandonRate', 'contactsPerHour', 'dialsPerHour', 'listLasts']
      .map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '' }, t(`prelaunch.forecast.column.${h}`))))),
    el('tbody', {}, f.modes.map(m => el('tr', { class: m.mode === campaignMode ? 'highlight' : '' },
      el('th', { scope: 'row' }, modeName(m.mode), m.mode === campaignMode ? ` ${t('prelaunch.forecast.thisCampaign')}` : ''),
      el('td', { class: 'num' }, fmt.pct(m.occupancy)),
      el('td', { class: m.abandonRate > abandonTarget ? 'num over-target' : 'num',
        title: m.abandonRate > abandonTarget ? t('prelaunch.forecast.aboveTargetOf', { target: fmt.pct(abandonTarget) }) : null },
        fmt.pct(m.abandonRate, 2), m.abandonRate > abandonTarget ? el('span', { class: 'visually-hidden' }, ` ${t('prelaunch.forecast.aboveTarget')}`) : null),
      el('td', { class: 'num' }, fmt.int(m.contactsPerHour)),
      el('td', { class: 'num' }, fmt.int(m.dialsPerHour)),
      el('td', { class: 'num' }, fmt.hours(m.hoursToFinish))))));
}
