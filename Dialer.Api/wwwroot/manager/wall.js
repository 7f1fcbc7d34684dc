// The agent wall: every agent's state (ticking), today's figures and stuck states, live over the dashboard hub.
import { api, getJson, openBlob } from './api.js';
import { VirtualList } from './virtual-list.js';
import { n, pct } from './format.js';
import { clock, stuckOf, STATES } from './wall-rules.js';
import { t, tn, has } from '/ui/app.js';

const $ = id => document.getElementById(id);
const agents = new Map(); // agentId -> latest row
let list = null, day = null;
const filter = { states: new Set(), campaign: '', text: '', sort: 'state' };

export async function startWall(hub) {
  hub.on('agents', rows => { rows.forEach(r => agents.set(r.agentId, withClock(r))); schedule(); });
  hub.onreconnected(resync);
  list ??= new VirtualList($('agent-rows'), { rowHeight: 48, renderRow });
  bindControls();
  await resync();
  setInterval(tick, 1000);
  return resync;
}

async function resync() {
  day = new Date().toISOString().slice(0, 10);
  const wall = await getJson('/api/agents/wall');
  agents.clear();
  wall.agents.forEach(r => agents.set(r.agentId, withClock(r)));
  render();
}

// the server's clock may differ from the browser's: elapsed times are measured from the server's asOf
const withClock = r => ({ ...r, localAsOf: Date.now(), serverAsOf: Date.parse(r.asOf) });
const serverNow = a => a.serverAsOf + (Date.now() - a.localAsOf);

let pending = 0;
function schedule() { pending ||= requestAnimationFrame(() => { pending = 0; render(); }); }

const sorts = {
  state: (a, b) => STATES.indexOf(a.state) - STATES.indexOf(b.state) || Date.parse(a.since) - Date.parse(b.since),
  name: (a, b) => a.name.localeCompare(b.name),
  since: (a, b) => Date.parse(a.since) - Date.parse(b.since),
  occupancy: (a, b) => b.occupancy - a.occupancy,
  calls: (a, b) => b.callsToday - a.callsToday,
  conversions: (a, b) => b.conversionsToday - a.conversionsToday,
};

function render() {
  const all = [...agents.values()];
  const stuck = all.filter(a => stuckOf(a, serverNow(a)));
  const shown = all.filter(a => (!filter.states.size || filter.states.has(a.state) || (filter.states.has('stuck') && stuck.includes(a)))
      && (!filter.campaign || a.campaignIds.includes(filter.campaign))
      && (!filter.text || a.name.toLowerCase().includes(filter.text)))
    .sort((a, b) => (filter.sort === 'stuck' ? Number(stuck.includes(b)) - Number(stuck.includes(a)) : 0) || (sorts[filter.sort] ?? sorts.state)(a, b) || a.name.localeCompare(b.name));
  list.update(shown.map(a => ({ key: a.agentId, id: a.agentId })));
  renderChips(all, stuck.length);
  renderCampaignFilter(all);
  $('agent-count').textContent = shown.length === all.length ? tn('floor.wall.count', all.length)
    : tn('floor.wall.countOf', all.length, { shown: n(shown.length) });
}

function renderChips(all, stuck) {
  const counts = Object.fromEntries(STATES.map(s => [s, 0]));
  all.forEach(a => counts[a.state]++);
  const chips = [...STATES.map(s => [s, counts[s], clock.label[s]]), ['stuck', stuck, t('floor.wall.stuck.chip')]];
  $('agent-chips').replaceChildren(...chips.map(([key, count, label]) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `chip state-${key} ${filter.states.has(key) ? 'on' : ''}`;
    b.dataset.filterState = key;
    b.setAttribute('aria-pressed', filter.states.has(key));
    b.innerHTML = `<i></i><span></span><b></b>`;
    b.querySelector('span').textContent = label;
    b.querySelector('b').textContent = n(count);
    return b;
  }));
}

function renderCampaignFilter(all) {
  const select = $('agent-campaign');
  const names = new Map();
  all.forEach(a => a.campaignIds.forEach((id, i) => names.set(id, a.campaigns[i] ?? id)));
  const key = [...names.keys()].sort().join();
  if (select.dataset.key === key) return;
  select.dataset.key = key;
  select.replaceChildren(new Option(t('floor.page.allCampaigns2'), ''), ...[...names].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => new Option(name, id)));
  select.value = names.has(filter.campaign) ? filter.campaign : '';
}

function renderRow(row, { id }) {
  const a = agents.get(id);
  if (!a) return;
  row.className = `agent state-${a.state}`;
  row.dataset.agent = a.agentId;
  row.dataset.state = a.state;
  const onCall = a.state === 'OnCall';
  row.innerHTML = `
    <span class="who"><b></b><small class="agent-campaigns"></small></span>
    <span class="state"><em class="badge"></em><small class="why"></small></span>
    <span class="n since" data-field="since"></span>
    <span class="n" data-field="calls">${n(a.callsToday)}</span>
    <span class="n" data-field="conversions">${n(a.conversionsToday)}</span>
    <span class="n" data-field="talk"></span>
    <span class="occ" data-field="occupancy" title="${t('floor.page.occupancyTodayTalkWrap')}"><span class="meter"><i></i></span><small></small></span>
    <span class="flag" data-field="flag"></span>
    <span class="act">${onCall ? `<button type="button" data-action="supervise" data-agent-id="${a.agentId}">${t('floor.wall.supervise')}</button>` : ''}</span>`;
  row.querySelector('.who b').textContent = a.name;
  row.querySelector('.agent-campaigns').textContent = a.campaigns.join(', ') || (a.state === 'Offline' ? t('floor.wall.loggedOut') : '—');
  row.querySelector('.badge').textContent = clock.label[a.state];
  row.querySelector('.why').textContent = a.logoutPending ? t('floor.wall.logoutAfterCall', { by: a.logoutPending.by })
    : a.breakReason && has(`agent.break.${a.breakReason}`) ? t(`agent.break.${a.breakReason}`) : a.breakReason ?? '';
  if (a.state !== 'Offline') {
    const out = document.createElement('button');
    out.type = 'button';
    out.className = 'logout';
    out.dataset.logout = a.agentId;
    out.textContent = t(a.logoutPending ? 'floor.wall.loggingOut' : 'floor.logoutForm.logOut');
    out.disabled = !!a.logoutPending;
    row.querySelector('.act').append(out);
  }
  live(row, a);
}

/** The parts that move with the clock: time in state, today's talk and occupancy, stuck flags. */
function live(row, a) {
  const now = serverNow(a);
  const extra = Math.max(0, (now - a.serverAsOf) / 1000);
  const talk = a.talkSecondsToday + (a.state === 'OnCall' ? extra : 0);
  const busy = talk + a.wrapUpSecondsToday + (a.state === 'WrapUp' ? extra : 0);
  const loggedIn = a.loggedInSecondsToday + (a.state !== 'Offline' ? extra : 0);
  const occupancy = loggedIn > 0 ? busy / loggedIn : 0;
  row.querySelector('[data-field=since]').textContent = clock.elapsed((now - Date.parse(a.since)) / 1000);
  row.querySelector('[data-field=talk]').textContent = clock.hm(talk);
  row.querySelector('.occ .meter i').style.width = `${Math.min(100, occupancy * 100).toFixed(1)}%`;
  row.querySelector('.occ small').textContent = pct(occupancy, 0);
  const stuck = stuckOf(a, now);
  row.classList.toggle('stuck', !!stuck);
  const flag = row.querySelector('[data-field=flag]');
  if (flag.textContent !== (stuck ?? '')) { flag.textContent = stuck ?? ''; flag.title = stuck ?? ''; }
}

function tick() {
  if (day && new Date().toISOString().slice(0, 10) !== day) { resync(); return; } // today's figures start again at midnight UTC
  for (const row of $('agent-rows').querySelectorAll('.agent')) {
    const a = agents.get(row.dataset.agent);
    if (a) live(row, a);
  }
  if (filter.states.has('stuck') || filter.sort === 'stuck') render();
}

function bindControls() {
  $('agent-chips').addEventListener('click', e => {
    const key = e.target.closest('[data-filter-state]')?.dataset.filterState;
    if (!key) return;
    filter.states.has(key) ? filter.states.delete(key) : filter.states.add(key);
    render();
  });
  $('agent-campaign').onchange = e => { filter.campaign = e.target.value; render(); };
  $('agent-sort').onchange = e => { filter.sort = e.target.value; render(); };
  $('agent-search').oninput = e => { filter.text = e.target.value.trim().toLowerCase(); render(); };
  $('agent-rows').addEventListener('click', e => {
    const id = e.target.closest('[data-logout]')?.dataset.logout;
    if (id) askLogout(agents.get(id));
  });
  $('logout-form').addEventListener('submit', confirmLogout);
  $('logout-cancel').onclick = () => $('logout-dialog').close();
  $('timesheets-open').onclick = () => {
    const q = new URLSearchParams({ from: $('ts-from').value, to: $('ts-to').value, tz: $('ts-tz').value || 'UTC' });
    openBlob(`/reports/timesheets?${q}`);
  };
  $('timesheets-csv').onclick = () => {
    const q = new URLSearchParams({ from: $('ts-from').value, to: $('ts-to').value, tz: $('ts-tz').value || 'UTC', format: 'csv' });
    openBlob(`/api/reports/timesheets?${q}`, `timesheets-${$('ts-from').value}-${$('ts-to').value}.csv`);
  };
  const today = new Date().toISOString().slice(0, 10);
  $('ts-from').value ||= today;
  $('ts-to').value ||= today;
  $('ts-tz').value ||= Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

let loggingOut = null;
function askLogout(a) {
  if (!a) return;
  loggingOut = a.agentId;
  const busy = ['Reserved', 'OnCall', 'WrapUp'].includes(a.state);
  $('logout-name').textContent = a.name;
  $('logout-when').textContent = busy
    ? t('floor.wall.logoutLater', { name: a.name, doing: clock.doing[a.state] })
    : t('floor.wall.logoutNow', { name: a.name, doing: clock.doing[a.state] });
  $('logout-reason').value = '';
  $('logout-error').textContent = '';
  $('logout-dialog').showModal();
}

async function confirmLogout(e) {
  e.preventDefault();
  try {
    await api(`/api/agents/${loggingOut}/logout`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: $('logout-reason').value || null }),
    });
    $('logout-dialog').close();
  } catch (error) {
    $('logout-error').textContent = t('floor.wall.couldNotLogOut', { message: error.message });
  }
}
