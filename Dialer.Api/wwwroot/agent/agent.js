// The agent console: status and campaigns, the line (browser phone or own phone), the preview of the next contact,
// the screen pop, the call's controls and the disposition.
// Live over SignalR (/hubs/agents); every action is a call to the same API the tests and the demo use.
import { api, el, hubTicket, notify, session, startPage, t, has } from '/ui/app.js';
import { contactCard, tickClocks } from './contact-card.js';
import {
  claimNext, previewCard, previewActions, nothingToPreview, tickHold, checkAgainMs, refusalMessage,
} from './preview.js';
import { callPanel, callPhase, tickCall } from './call-panel.js';
import { callControls } from './call-controls.js';
import { consentPanel } from './consent-panel.js';
import { createLine } from './line.js';

const stateName = state => t(`agent.state.${state}`);
// the break reasons offered are stable words the wall and timesheets count by; the console shows them translated
const breakName = reason => has(`agent.break.${reason}`) ? t(`agent.break.${reason}`) : reason;

startPage('ui.nav.agentConsole', (main) => {
  const $ = id => main.querySelector(`#${id}`);
  let me = null, campaigns = [], preview = null, previewMessage = null, checkedAt = 0, shownKey = '', consentKey = '';
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
      if (preview && preview.contactId !== before) say(t('agent.say.nextContact', { name: preview.name ?? t('agent.contact.nameNotGiven') }));
    } catch (err) {
      preview = null; previewMessage = refusalMessage(err);
    }
  }

  function renderStatus() {
    const state = $('state');
    state.textContent = stateName(me.state) + (me.state === 'break' && me.breakReason ? ` · ${breakName(me.breakReason)}` : '');
    state.className = `state-pill ${me.state}`;
    const busy = ['reserved', 'onCall', 'wrapUp'].includes(me.state);
    $('login').disabled = busy;
    $('login').textContent = t(me.state === 'offline' ? 'agent.page.logIn' : 'agent.status.updateCampaigns');
    // the server refuses Available until the line is open, and moves the agent there itself when it opens
    const lineFirst = line.known && line.state !== 'open';
    $('available').disabled = me.state !== 'break' || lineFirst;
    $('available').title = me.state === 'break' && lineFirst ? t('agent.status.lineFirst') : '';
    $('break').disabled = me.state !== 'available';
    $('logout').disabled = busy || me.state === 'offline';
    for (const box of main.querySelectorAll('#campaign-list input')) box.disabled = busy;
  }

  function renderCampaigns() {
    const list = $('campaign-list');
    if (campaigns.length === 0) { list.replaceChildren(el('span', { class: 'muted' }, t('agent.campaigns.none'))); return; }
    list.replaceChildren(...campaigns.map(c => el('label', {},
      el('input', { type: 'checkbox', value: c.id, checked: me?.campaignIds.includes(c.id) }),
      c.name, el('span', { class: `badge mode ${c.mode}` }, t(`campaign.mode.${c.mode}`)),
      c.status !== 'running' ? el('span', { class: 'badge paused' }, t(`campaign.status.${c.status}`)) : null)));
  }

  function render() {
    renderStatus();
    const call = me.call;
    const key = JSON.stringify([me.state, line.state, call?.attemptId, call?.disposition, call?.bridgedAt, call?.endedAt, call?.transfers?.map(t => t.state).join(), preview?.contactId, previewMessage, previewCampaigns().length]);
    if (key === shownKey) { showConsent(call); return; } // keep what the agent is typing
    shownKey = key;
    consentKey = '';
    const workspace = $('workspace');
    if (call) {
      workspace.replaceChildren(
        contactCard(withPreview(call.contact), { heading: t(`agent.contact.heading.${callPhase(me.state)}`), campaignName: call.campaignName, id: 'customer' }),
        callPanel(call, me.state, { onDispose: dispose, controls: me.state === 'onCall' ? callControls(call, line, say, refresh) : null }));
    } else if (me.state === 'available' && previewCampaigns().length > 0) {
      workspace.replaceChildren(...(preview
        ? [previewCard(preview), previewActions(preview, { onDial: dial, onSkip: skip })]
        : [nothingToPreview({ onCheck: () => takeNext().then(render), message: previewMessage })]));
    } else {
      workspace.replaceChildren(idle());
    }
    showConsent(call);
    tick();
  }

  // the consent section alone is redrawn when it changes (a withdrawal): the disposition being typed stays
  function showConsent(call) {
    const card = $('workspace').querySelector('.contact-card');
    const key = JSON.stringify(call?.consent ?? null);
    if (!call?.consent || !card || key === consentKey) return;
    consentKey = key;
    const panel = consentPanel(call, { canWithdraw: ['onCall', 'wrapUp'].includes(me.state), say, refresh });
    const shown = card.querySelector('section.consent');
    if (shown) shown.replaceWith(panel); else card.append(panel);
  }

  const withPreview = contact => dialed?.contactId === contact.id
    ? { ...contact, localTimes: dialed.localTimes, maxAttempts: dialed.maxAttempts, attempts: dialed.attempts + 1 } : contact;

  function idle() {
    const [title, text] = {
      offline: [t('agent.idle.offline.title'), t('agent.idle.offline.text')],
      break: me.breakReason?.startsWith('line') && line.state !== 'open'
        ? [t('agent.idle.line.title'), t('agent.idle.line.text')]
        : [t('agent.idle.break.title'), t('agent.idle.break.text')],
      available: [t('agent.idle.available.title'), t('agent.idle.available.text')],
    }[me.state] ?? [t('agent.idle.waiting'), ''];
    return el('section', { class: 'card empty-state', 'aria-labelledby': 'idle-title' }, el('h2', { id: 'idle-title' }, title), el('p', { class: 'muted' }, text));
  }

  async function act(path, body) {
    try { await api(path, { method: 'POST', body }); await refresh(); }
    catch (err) { notify(err.message, 'error'); }
  }

  async function dial() {
    if (!preview) return;
    const who = preview.name ?? t('agent.say.theContact');
    try {
      await api('/api/agent-console/preview/dial', { method: 'POST', body: { contactId: preview.contactId } });
      dialed = preview;
      preview = null;
      say(t('agent.say.dialing', { who }));
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
      notify(t('agent.call.savedNotice', { disposition: body.disposition }));
      await refresh();
    } catch (err) {
      error.textContent = Object.values(err.errors).flat().join(' ') || err.message;
    }
  }

  function tick() {
    if (!me) return;
    const seconds = Math.max(0, Math.round((Date.now() - Date.parse(me.since)) / 1000));
    $('since').textContent = seconds < 60 ? t('agent.status.forSeconds', { n: seconds }) : t('agent.status.forMinutes', { n: Math.floor(seconds / 60) });
    tickClocks(main);
    tickCall(main);
    if (preview && tickHold(main)) refresh();
    else if (!preview && me.state === 'available' && !me.call && previewCampaigns().length > 0 && Date.now() - checkedAt > checkAgainMs) refresh();
  }

  $('login').addEventListener('click', () => {
    const ids = [...main.querySelectorAll('#campaign-list input:checked')].map(i => i.value);
    if (ids.length === 0) { notify(t('agent.campaigns.tickOne'), 'error'); $('campaign-list').querySelector('input')?.focus(); return; }
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
    const show = on => { live.textContent = t(on ? 'agent.live.on' : 'agent.live.reconnecting'); live.className = `live-dot ${on ? 'on' : 'off'}`; };
    const hub = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/agents', { accessTokenFactory: hubTicket })
      .withAutomaticReconnect().build();
    hub.on('agentState', m => {
      if (m.to === 'Offline' && m.reason?.includes('logged out by')) notice(t('agent.notice.youWere', { what: m.reason.split('; then ').pop() }));
      refresh();
    });
    hub.on('loggedOut', m => notice(m.deferred
      ? t(m.reason ? 'agent.notice.loggingOutBecause' : 'agent.notice.loggingOut', { by: m.by, reason: m.reason })
      : t(m.reason ? 'agent.notice.loggedOutBecause' : 'agent.notice.loggedOut', { by: m.by, reason: m.reason })));
    hub.on('agentLine', () => refresh()); // the line opened or dropped: the line card shows it at once
    hub.on('callOffered', m => { if (m.call) say(t('agent.say.connected', { name: m.call.contact.name ?? t('agent.say.aCustomer') })); refresh(); });
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
