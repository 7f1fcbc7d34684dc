import { api, getJson, openBlob, session, ApiError } from './api.js';
import { hubTicket, notify, startPage, t, format } from '/ui/app.js';
import { VirtualList } from './virtual-list.js';
import { n, pct, duration } from './format.js';
import { showDetail, refreshDetail } from './detail.js';
import { startWall } from './wall.js';

const $ = id => document.getElementById(id);
const campaigns = new Map(); // campaignId -> latest figures
let list, selected = null, hub = null;


async function start() {
  try {
    const snapshot = await getJson('/api/dashboard/campaigns');
    snapshot.forEach(f => campaigns.set(f.campaignId, f));
  } catch (error) {
    const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
    notify(refused ? t('floor.error.refused') : t('floor.error.noAnswer', { message: error.message }), 'error');
    return;
  }
  list ??= new VirtualList($('rows'), { rowHeight: 52, renderRow });
  render();
  connect();
}

function connect() {
  hub = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/dashboard', { accessTokenFactory: hubTicket })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: c => Math.min(10_000, 500 * 2 ** c.previousRetryCount) })
    .build();
  hub.on('campaign', figures => {
    campaigns.set(figures.campaignId, figures);
    scheduleRender();
    if (figures.campaignId === selected) refreshDetail(figures);
  });
  const live = on => { $('live').textContent = t(on ? 'floor.live.on' : 'floor.live.reconnecting'); $('live').className = `live ${on ? 'on' : 'off'}`; };
  hub.onreconnecting(() => live(false));
  hub.onreconnected(async () => { live(true); await resync(); });
  hub.onclose(() => live(false));
  const wall = startWall(hub).catch(error => { console.error('agent wall', error); return () => {}; });
  // read everything again once connected: a change between the first read and the connection sent no event we heard
  hub.start().then(async () => { live(true); await Promise.all([resync(), wall.then(resyncWall => resyncWall())]); })
    .catch(() => live(false));
}

async function resync() {
  (await getJson('/api/dashboard/campaigns')).forEach(f => campaigns.set(f.campaignId, f));
  render();
}

let pending = 0;
function scheduleRender() { pending ||= requestAnimationFrame(() => { pending = 0; render(); }); }

const order = { running: 0, paused: 1, scheduled: 2 };
function render() {
  const all = [...campaigns.values()].sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3) || a.name.localeCompare(b.name));
  list.update(all.map(f => ({ key: f.campaignId, f })));
  renderTotals(all);
}

function renderTotals(all) {
  const sum = k => all.reduce((s, f) => s + f[k], 0);
  const running = all.filter(f => f.status === 'running').length;
  const tiles = [
    [t('floor.totals.running'), `${n(running)} / ${n(all.length)}`], [t('floor.totals.lines'), n(sum('linesInFlight'))],
    [t('floor.totals.dials'), n(sum('dials'))], [t('floor.totals.connects'), n(sum('connects'))],
    [t('floor.totals.conversions'), n(sum('conversions'))], [t('floor.totals.abandoned'), n(sum('abandoned'))],
  ];
  $('totals').replaceChildren(...tiles.map(([label, value]) => {
    const tile = document.createElement('div');
    tile.className = 'tile';
    tile.innerHTML = `<span class="label"></span><span class="value"></span>`;
    tile.querySelector('.label').textContent = label;
    tile.querySelector('.value').textContent = value;
    return tile;
  }));
}

function renderRow(row, { f }) {
  const over = f.abandonRate > f.abandonTarget, near = !over && f.abandonRate > f.abandonTarget * 0.8;
  const done = f.contactsTotal ? f.contactsDone / f.contactsTotal : 0;
  row.className = `row ${f.campaignId === selected ? 'selected' : ''}`;
  row.dataset.campaign = f.campaignId;
  row.innerHTML = `
    <span class="name"><b></b><span class="state"><em class="status ${f.status}">${t(`campaign.status.${f.status}`)}</em>
      <small class="pause-reason"></small></span></span>
    <span class="contacts"><span class="progress"><i style="width:${(done * 100).toFixed(1)}%"></i></span>
      <small>${t('floor.row.contacts', { done: n(f.contactsDone), total: n(f.contactsTotal), left: n(f.contactsLeft) })}</small></span>
    <span class="n" data-field="dials">${n(f.dials)}</span>
    <span class="n">${n(f.humanAnswers)} / ${n(f.machineAnswers)}</span>
    <span class="n" data-field="connects">${n(f.connects)}</span>
    <span class="n abandon ${over ? 'over' : near ? 'near' : ''}" title="${t('floor.row.budgetLeft', { calls: n(f.abandonBudgetLeft) })}">
      ${n(f.abandoned)} <small>${t('floor.row.rateOf', { rate: pct(f.abandonRate), target: pct(f.abandonTarget) })}</small></span>
    <span class="n" data-field="conversions">${n(f.conversions)} <small>${t('floor.row.conversionRates', { perConnect: pct(f.conversionPerConnect), perDial: pct(f.conversionPerDial) })}</small></span>
    <span class="n">${n(f.linesInFlight)} <small>${t('floor.row.agents', { count: n(f.agentsLoggedIn) })}</small></span>
    <span class="n">${f.linesPerAgent == null ? '—' : format.number(f.linesPerAgent)}</span>
    <span class="n">${duration(f.secondsToExhaust)}</span>
    <span class="actions"></span>`;
  row.querySelector('b').textContent = f.name;
  // the dialer paused it by itself (Twilio refused the account): say why, in full on hover and in the detail
  const why = row.querySelector('.pause-reason');
  why.textContent = f.pauseReason ?? '';
  why.title = f.pauseReason ?? '';
  const action = f.status === 'running' ? 'pause' : f.status === 'paused' ? 'resume' : null;
  if (action) {
    const button = document.createElement('button');
    button.textContent = t(`lifecycle.action.${action}`);
    button.className = action;
    button.onclick = async e => { e.stopPropagation(); button.disabled = true; await act(f.campaignId, action); };
    row.querySelector('.actions').append(button);
  }
  row.onclick = () => select(f.campaignId);
}

async function act(id, action) {
  try {
    const updated = await (await api(`/api/dashboard/campaigns/${id}/${action}`, { method: 'POST' })).json();
    const f = campaigns.get(id);
    if (f) campaigns.set(id, { ...f, status: updated.status.toLowerCase() });
  } catch (error) { alert(t(`floor.error.${action}`, { message: error.message })); }
  scheduleRender();
}

function select(id) {
  selected = id;
  scheduleRender();
  showDetail(campaigns.get(id));
}

document.addEventListener('click', e => {
  const kind = e.target.dataset?.export;
  if (!kind || !selected) return;
  if (kind === 'compliance-page') openBlob(`/reports/compliance?campaign=${selected}`);
  else openBlob(`/api/campaigns/${selected}/${kind}`, `${kind.replace('.csv', '')}-${selected}.csv`);
});

startPage('ui.nav.floor', () => start(), { roles: ['Admin', 'Manager'] });
