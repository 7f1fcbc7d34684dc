// The agent's line: how they take calls (this browser, their own phone number or a SIP address), its state as the
// server reports it (none / connecting / open / dropped, with the reason), and Connect, Hang up line and Reconnect.
// The engine calls the line once; the browser phone answers that call by itself, and nothing else.
import { api, t } from '/ui/app.js';
import { createBrowserPhone } from './phone.js';
import { linePanelView } from './line-panel.js';

const NO_LINE = { kind: null, address: null, state: 'none', since: null, reason: null };
const LABELS = Object.fromEntries(['none', 'connecting', 'open', 'dropped'].map(s => [s, t(`agent.line.state.${s}`)]));

// The vendored bundle's Device; a browser test installs its stand-in as window.__dialerDeviceOverride before load.
const deviceClass = () => window.__dialerDeviceOverride ?? window.Twilio?.Device ?? null;

/** @param {{ say: (text: string) => void, refresh: () => void }} console */
export function createLine({ say, refresh }) {
  let me = null, asking = null, wanted = false, localDrop = null, muted = false, announced = '';
  const Device = deviceClass();
  const phone = Device ? createBrowserPhone({ Device, fetchToken: () => api('/api/agent-console/token'), mayAnswer, onDrop, onChange: () => view.update() }) : null;

  /** The line as shown: the server's, unless this browser already saw its call end and the server has not yet said so. */
  function shown() {
    const line = { ...NO_LINE, ...(me?.line ?? {}) };
    line.state = (line.state ?? 'none').toLowerCase();
    if (localDrop && localDrop.since === line.since && ['open', 'connecting'].includes(line.state))
      return { ...line, state: 'dropped', reason: localDrop.reason };
    return line;
  }

  // only the line this console asked for, while the server says it is connecting; a call during the request waits for it
  async function mayAnswer() {
    if (!wanted) return false;
    await asking?.catch(() => {});
    const line = shown();
    return wanted && line.kind === 'browser' && line.state === 'connecting';
  }

  function onDrop(reason) {
    localDrop = { since: shown().since, reason };
    view.update();
    refresh(); // the server may know more (its own reason, the agent out of routing)
  }

  function mute(next) {
    phone?.mute(next); // at once in the headset; the room follows
    muted = next;
    view.update();
    return api('/api/agent-console/line/mute', { method: 'POST', body: { muted: next } });
  }

  async function connect(kind, address) {
    view.clearErrors();
    if (kind === 'browser') {
      if (!phone) return view.error('', t('agent.phone.notLoadedReload'));
      try { await phone.start(); } // registered before the engine calls it
      catch (err) { return view.error('', t('agent.phone.couldNotStart', { message: err.message })); }
      wanted = true;
    }
    asking = api('/api/agent-console/line', { method: 'POST', body: kind === 'browser' ? { kind } : { kind, address } });
    try {
      me = { ...me, ...(await asking) };
      localDrop = null; muted = false;
    } catch (err) {
      wanted = false;
      const field = Object.keys(err.errors ?? {}).find(k => ['address', 'kind'].includes(k.toLowerCase()));
      view.error(field?.toLowerCase() === 'address' ? 'address' : '', field ? [err.errors[field]].flat().join(' ') : err.message);
    } finally { asking = null; }
    view.update();
    refresh();
  }

  async function hangUpLine() {
    wanted = false;
    try { me = { ...me, ...(await api('/api/agent-console/line', { method: 'DELETE' })) }; }
    catch (err) { view.error('', err.message); }
    phone?.hangUp();
    view.update();
    refresh();
  }

  async function reconnect() {
    const line = shown();
    // the server may still think the line is up (only this browser saw it end): hang it up there first
    if (me?.line && ['open', 'connecting'].includes(me.line.state?.toLowerCase())) await api('/api/agent-console/line', { method: 'DELETE' }).catch(() => {});
    phone?.hangUp();
    await connect(line.kind ?? view.kind(), line.address ?? view.address());
  }

  const view = linePanelView({ phone, shown, labels: LABELS, onConnect: connect, onHangUp: hangUpLine, onReconnect: reconnect,
    onUnmute: () => mute(false), say, get muted() { return muted; }, get agentState() { return me?.state ?? 'offline'; } });

  function announce() {
    const line = shown();
    const text = line.state === 'dropped' ? t(line.reason ? 'agent.line.say.droppedBecause' : 'agent.line.say.dropped', { reason: line.reason })
      : line.state === 'open' ? t('agent.line.say.open') : line.state === 'connecting' ? t('agent.line.say.connecting') : '';
    const key = `${line.state}|${line.since}|${line.reason}`;
    if (key !== announced && text && announced !== '') say(text);
    announced = key;
  }

  return {
    node: view.node,
    /** The agent view changed (API or hub). */
    update(next) {
      me = next;
      if (!['open', 'connecting'].includes(shown().state)) muted = false;
      view.update();
      announce();
    },
    get state() { return shown().state; },
    get known() { return me?.line !== undefined; }, // a server without lines leaves the console as it was
    get muted() { return muted; },
    mute,
  };
}
