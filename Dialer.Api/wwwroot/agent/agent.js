// The agent console: state buttons, the screen pop (live over SignalR) and the disposition form.
// Plain script, no build step; the API is the same one the tests and the demo use.
const $ = id => document.getElementById(id);
const keyInput = $('key');
keyInput.value = sessionStorage.getItem('dialer-agent-key') ?? '';
let me = null, connection = null;

async function api(method, path, body) {
  const response = await fetch(path, {
    method, headers: { 'X-Api-Key': keyInput.value, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) throw new Error(data?.detail ?? Object.values(data?.errors ?? {}).flat().join(' ') ?? response.statusText);
  return data;
}

async function act(method, path, body) {
  $('error').textContent = '';
  try { await api(method, path, body); await refresh(); } catch (e) { $('error').textContent = e.message; }
}

async function refresh() {
  me = await api('GET', '/api/agent/me');
  $('state').textContent = me.state; $('state').className = me.state;
  $('campaigns').value ||= me.campaignIds.join(',');
  const call = me.call;
  $('customer').classList.toggle('hidden', !call); $('call').classList.toggle('hidden', !call);
  if (!call) return;
  const c = call.contact;
  $('contactName').textContent = c.name ?? 'Unknown caller';
  const fields = { Phone: c.phone, Campaign: call.campaignName, ...(c.customFields ?? {}) };
  $('contact').innerHTML = '';
  for (const [k, v] of Object.entries(fields)) $('contact').append(el('dt', k), el('dd', String(v)));
  $('history').replaceChildren(...c.history.map(h => el('li', `${new Date(h.at).toLocaleString()}: ${h.outcome ?? '…'} ${h.disposition ?? ''}`)));
  $('script').textContent = call.script ?? '';
  $('choices').replaceChildren(...call.dispositions.map((d, i) => {
    const label = el('label', ` ${d} `); const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'd', value: d });
    label.prepend(el('kbd', String(i + 1)), input); return label;
  }));
}

/** A manager's logout, said on the console so the agent knows why they are offline. */
function notice(text) { $('notice').textContent = text; $('notice').classList.remove('hidden'); }

function el(tag, text) { const e = document.createElement(tag); e.textContent = text; return e; }

function tick() {
  if (!me) return;
  $('since').textContent = ` for ${Math.round((Date.now() - Date.parse(me.since)) / 1000)} s`;
  const call = me.call;
  if (call?.bridgedAt) $('callTimer').textContent = `${Math.round(((call.endedAt ? Date.parse(call.endedAt) : Date.now()) - Date.parse(call.bridgedAt)) / 1000)} s`;
  $('wrapCountdown').textContent = call?.wrapUpDeadline ? `· wrap-up ends in ${Math.max(0, Math.round((Date.parse(call.wrapUpDeadline) - Date.now()) / 1000))} s` : '';
}

async function connect() {
  sessionStorage.setItem('dialer-agent-key', keyInput.value);
  connection?.stop();
  connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/agents', { accessTokenFactory: () => keyInput.value })
    .withAutomaticReconnect().build();
  connection.on('agentState', m => { if (m.to === 'Offline' && m.reason.includes('logged out by')) notice(`You were ${m.reason.split('; then ').pop()}.`); refresh(); });
  connection.on('loggedOut', m => notice(m.deferred
    ? `${m.by} is logging you out: it happens when this call is wrapped up${m.reason ? ` (${m.reason})` : ''}.`
    : `You were logged out by ${m.by}${m.reason ? `: ${m.reason}` : ''}.`));
  connection.on('callOffered', refresh);
  connection.onreconnected(() => { $('live').textContent = '●'; refresh(); });
  connection.onclose(() => $('live').textContent = '○');
  await connection.start();
  $('live').textContent = '●';
  await refresh();
}

$('login').onclick = async () => {
  $('notice').classList.add('hidden');
  await connect().catch(e => $('error').textContent = e.message);
  await act('POST', '/api/agent/login', { campaignIds: $('campaigns').value.split(',').map(s => s.trim()).filter(Boolean) });
};
$('available').onclick = () => act('POST', '/api/agent/available');
$('break').onclick = () => act('POST', '/api/agent/break', { reason: $('reason').value || 'break' });
$('logout').onclick = () => act('POST', '/api/agent/logout');
$('disposition').onsubmit = e => {
  e.preventDefault();
  const chosen = document.querySelector('input[name=d]:checked')?.value;
  const at = $('callbackAt').value;
  act('POST', `/api/agent/calls/${me.call.attemptId}/disposition`, {
    disposition: chosen, notes: $('notes').value || null, callbackAt: at ? new Date(at).toISOString() : null,
  });
};
document.addEventListener('keydown', e => {
  if (e.target.tagName === 'INPUT' && e.target.type !== 'radio') return;
  const radio = document.querySelectorAll('input[name=d]')[Number(e.key) - 1];
  if (radio) radio.checked = true;
  if (e.key === 'Enter' && me?.call) $('disposition').requestSubmit();
});
setInterval(tick, 1000);
if (keyInput.value) connect().catch(e => $('error').textContent = e.message);
