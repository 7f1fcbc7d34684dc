// The agent console: status and campaigns, the line (browser phone or own phone), the preview of the next contact,
// the screen pop, the call's controls and the disposition.
// Live over SignalR (/hubs/agents); every action is a call to the same API the tests and the demo use.
import { api, el, hubTicket, notify, session, startPage } from '/ui/app.js';
import { contactCard, tickClocks } from './contact-card.js';
import {
  claimNext, previewCard, previewActions, nothingToPreview, tickHold, checkAgainMs, refusalMessage,
} from './preview.js';
import { callPanel, callPhase, tickCall } from './call-panel.js';
import { callControls } from './call-controls.js';
import { createLine } from './line.js';

const STATES = { offline: 'Offline', available: 'Available', reserved: 'Calling', onCall: 'On call', wrapUp: 'Wrap-up', break: 'On break' };

startPage('Agent console', (main) => {
  const $ = id => main.querySelector(`#${id}`);
  let me = null, campaigns = [], preview = null, previewMessage = null, checkedAt = 0, shownKey = '';
  let dialed = null; // the preview card of the contact just dialed: its local time stays on screen through the call

  const previewCampaigns = () => campaigns.filter(c => c.mode === 'preview' && me?.campaignIds.includes(c.id));
  const say = text => { $('announce').textContent = text; };
  // a manager's logout stays on screen (not a passing message): the agent must know why they are offline
  const notice = text => { $('notice').textContent = text; $('notice').hidden = !text; };
  const line = createLine({ say, refresh: () => refresh() });
  $('line-slot').replaceWith(line.node);

  // one refresh at a time, and one more after it when asked meanwhile: a slow answer never overwrites a newer one
  let refreshing = null, again = false;
  function refresh() {
    if (refreshing) { again = true; return refreshing; }
    refreshing = (async () => { do { again = false; await refreshOnce(); } while (again); })().finally(() => { refreshing = null; });
    return refreshing;
  }

  async function refreshOnce() {
    me = await api('/api/agent-console/me');
    line.update(me);
    const wantsPreview = me.state === 'available' && !me.call && previewCampaigns().length > 0;
    if (!wantsPreview) preview = null;
    else if (!preview || Date.parse(preview.heldUntil) <= Date.now()) await takeNext();
    render();
  }

  async function takeNext() {
    checkedAt = Date.now();
    try {
      const before = preview?.contactId;
      preview = await claimNext();
      previewMessage = null;
      if (preview && preview.contactId !== before) say(`Next contact: ${preview.name ?? 'name not given'}.`);
    } catch (err) {
      preview = null; previewMessage = refusalMessage(err);
    }
  }

  function renderStatus() {
    const state = $('state');
    state.textContent = STATES[me.state] + (me.state === 'break' && me.breakReason ? ` · ${me.breakReason}` : '');
    state.className = `state-pill ${me.state}`;
    const busy = ['reserved', 'onCall', 'wrapUp'].includes(me.state);
    $('login').disabled = busy;
    $('login').textContent = me.state === 'offline' ? 'Log in' : 'Update campaigns';
    // the server refuses Available until the line is open, and moves the agent there itself when it opens
    const lineFirst = line.known && line.state !== 'open';
    $('available').disabled = me.state !== 'break' || lineFirst;
    $('available').title = me.state === 'break' && lineFirst ? 'Connect your line first.' : '';
    $('break').disabled = me.state !== 'available';
    $('logout').disabled = busy || me.state === 'offline';
    for (const box of main.querySelectorAll('#campaign-list input')) box.disabled = busy;
  }

  function renderCampaigns() {
    const list = $('campaign-list');
    if (campaigns.length === 0) { list.replaceChildren(el('span', { class: 'muted' }, 'No campaign is running.')); return; }
    list.replaceChildren(...campaigns.map(c => el('label', {},
      el('input', { type: 'checkbox', value: c.id, checked: me?.campaignIds.includes(c.id) }),
      c.name, el('span', { class: `badge mode ${c.mode}` }, c.mode), c.status !== 'running' ? el('span', { class: 'badge paused' }, c.status) : null)));
  }

  function render() {
    renderStatus();
    const call = me.call;
    const key = JSON.stringify([me.state, line.state, call?.attemptId, call?.disposition, call?.bridgedAt, call?.endedAt, call?.transfers?.map(t => t.state).join(), preview?.contactId, previewMessage, previewCampaigns().length]);
    if (key === shownKey) return; // keep what the agent is typing
    shownKey = key;
    const workspace = $('workspace');
    if (call) {
      workspace.replaceChildren(
        contactCard(withPreview(call.contact), { heading: { reserved: 'Calling', onCall: 'On the line', wrapUp: 'You just talked with' }[callPhase(me.state)], campaignName: call.campaignName, id: 'customer' }),
        callPanel(call, me.state, { onDispose: dispose, controls: me.state === 'onCall' ? callControls(call, line, say, refresh) : null }));
    } else if (me.state === 'available' && previewCampaigns().length > 0) {
      workspace.replaceChildren(...(preview
        ? [previewCard(preview), previewActions(preview, { onDial: dial, onSkip: skip })]
        : [nothingToPreview({ onCheck: () => takeNext().then(render), message: previewMessage })]));
    } else {
      workspace.replaceChildren(idle());
    }
    tick();
  }

  const withPreview = contact => dialed?.contactId === contact.id
    ? { ...contact, localTimes: dialed.localTimes, maxAttempts: dialed.maxAttempts, attempts: dialed.attempts + 1 } : contact;

  function idle() {
    const [title, text] = {
      offline: ['You are logged out', 'Tick the campaigns you work on and press Log in.'],
      break: me.breakReason?.startsWith('line') && line.state !== 'open'
        ? ['Connect your line', 'Choose how you take calls above and press Connect line: you become Available when it opens.']
        : ['On a break', 'Press Available when you are back to take calls again.'],
      available: ['Waiting for a call', 'A customer appears here the moment they answer. Keep your headset on.'],
    }[me.state] ?? ['Waiting', ''];
    return el('section', { class: 'card empty-state', 'aria-labelledby': 'idle-title' }, el('h2', { id: 'idle-title' }, title), el('p', { class: 'muted' }, text));
  }

  async function act(path, body) {
    try { await api(path, { method: 'POST', body }); await refresh(); }
    catch (err) { notify(err.message, 'error'); }
  }

  async function dial() {
    if (!preview) return;
    const who = preview.name ?? 'the contact';
    try {
      await api('/api/agent-console/preview/dial', { method: 'POST', body: { contactId: preview.contactId } });
      dialed = preview;
      preview = null;
      say(`Dialing ${who}.`);
    } catch (err) { notify(err.message, 'error'); preview = null; }
    await refresh();
  }

  async function skip(reason) {
    if (!preview) return;
    try { await api('/api/agent-console/preview/skip', { method: 'POST', body: { contactId: preview.contactId, reason: reason || null } }); }
    catch (err) { notify(refusalMessage(err), 'error'); } // past the cap the contact stays held: dial it or let it go
    preview = null;
    await refresh();
  }

  async function dispose(body, error) {
    try {
      await api(`/api/agent-console/calls/${me.call.attemptId}/disposition`, { method: 'POST', body });
      notify(`Saved: ${body.disposition}.`);
      await refresh();
    } catch (err) {
      error.textContent = Object.values(err.errors).flat().join(' ') || err.message;
    }
  }

  function tick() {
    if (!me) return;
    const seconds = Math.max(0, Math.round((Date.now() - Date.parse(me.since)) / 1000));
    $('since').textContent = seconds < 60 ? `for ${seconds} s` : `for ${Math.floor(seconds / 60)} min`;
    tickClocks(main);
    tickCall(main);
    if (preview && tickHold(main)) refresh();
    else if (!preview && me.state === 'available' && !me.call && previewCampaigns().length > 0 && Date.now() - checkedAt > checkAgainMs) refresh();
  }

  $('login').addEventListener('click', () => {
    const ids = [...main.querySelectorAll('#campaign-list input:checked')].map(i => i.value);
    if (ids.length === 0) { notify('Tick at least one campaign first.', 'error'); $('campaign-list').querySelector('input')?.focus(); return; }
    notice('');
    act('/api/agent-console/login', { campaignIds: ids }).then(async () => {
      campaigns = await api('/api/agent-console/campaigns').catch(() => campaigns); // a campaign started since the page opened
      renderCampaigns();
      await refresh();
    });
  });
  $('available').addEventListener('click', () => act('/api/agent-console/available'));
  $('break').addEventListener('click', () => act('/api/agent-console/break', { reason: $('break-reason').value }));
  $('logout').addEventListener('click', () => act('/api/agent-console/logout'));

  document.addEventListener('keydown', e => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const typing = e.target.matches('input:not([type=radio]):not([type=checkbox]), textarea, select');
    const key = e.key.toLowerCase();
    if (!typing && key === 'd' && main.querySelector('#dial')) { e.preventDefault(); dial(); return; }
    if (!typing && key === 's' && main.querySelector('#skip')) { e.preventDefault(); main.querySelector('#skip').click(); return; }
    if (!typing && key === 'n' && main.querySelector('#check-now')) { e.preventDefault(); main.querySelector('#check-now').click(); return; }
    if (!typing && key === 'm' && main.querySelector('#mute')) { e.preventDefault(); main.querySelector('#mute').click(); return; }
    const radio = !typing && /^[1-9]$/.test(e.key) ? main.querySelectorAll('input[name=disposition]')[Number(e.key) - 1] : null;
    if (radio) { radio.checked = true; radio.dispatchEvent(new Event('change', { bubbles: true })); radio.focus(); }
    if (e.key === 'Enter' && !e.target.matches('textarea, button') && main.querySelector('#disposition button')) {
      e.preventDefault(); main.querySelector('#disposition').requestSubmit();
    }
  });

  function connect() {
    const live = $('live');
    const show = on => { live.textContent = on ? 'Live' : 'Reconnecting…'; live.className = `live-dot ${on ? 'on' : 'off'}`; };
    const hub = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/agents', { accessTokenFactory: hubTicket })
      .withAutomaticReconnect().build();
    hub.on('agentState', m => {
      if (m.to === 'Offline' && m.reason?.includes('logged out by')) notice(`You were ${m.reason.split('; then ').pop()}.`);
      refresh();
    });
    hub.on('loggedOut', m => notice(m.deferred
      ? `${m.by} is logging you out: it happens when this call is wrapped up${m.reason ? ` (${m.reason})` : ''}.`
      : `You were logged out by ${m.by}${m.reason ? `: ${m.reason}` : ''}.`));
    hub.on('agentLine', () => refresh()); // the line opened or dropped: the line card shows it at once
    hub.on('callOffered', m => { if (m.call) say(`Call connected: ${m.call.contact.name ?? 'a customer'}.`); refresh(); });
    hub.onreconnecting(() => show(false));
    hub.onreconnected(() => { show(true); refresh(); });
    hub.onclose(() => show(false));
    // read the state again once connected: what changed before the connection sent no event this page heard
    hub.start().then(() => { show(true); refresh(); }).catch(() => show(false));
  }

  (async () => {
    connect();
    try {
      [me, campaigns] = await Promise.all([api('/api/agent-console/me'), api('/api/agent-console/campaigns')]);
      renderCampaigns();
      await refresh();
    } catch (err) { notify(err.message, 'error'); }
    setInterval(tick, 1000);
    // a call's own progress (ringing, answered) reaches the console through the agent's moves; this catches the rest
    // and a line being connected: the hub's word that it opened (or failed) may come before the console listens
    setInterval(() => { if (me && (['reserved', 'onCall'].includes(me.state) || line.state === 'connecting')) refresh(); }, 3000);
  })();
}, { roles: ['Agent'] });
