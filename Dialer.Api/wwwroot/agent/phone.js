// The browser phone: Twilio's Voice SDK behind one small object, so no other file of the console touches the SDK.
// The seam: the Device class and the token fetcher are parameters. The page passes the vendored bundle's
// window.Twilio.Device and GET /api/agent-console/token; the browser tests pass a stand-in Device they drive.
// Type-checked against the SDK's own declarations by ops/lib/check-console-types (see docs/agent-console.md).

/**
 * @typedef {import('@twilio/voice-sdk').Device} Device
 * @typedef {typeof import('@twilio/voice-sdk').Device} DeviceClass
 * @typedef {import('@twilio/voice-sdk').Call} Call
 * @typedef {import('@twilio/voice-sdk').TwilioError.TwilioError} TwilioError
 * @typedef {{ token: string, identity: string, expiresAt: string }} VoiceToken
 * @typedef {{ id: string, label: string }} InputDevice
 * @typedef {'off' | 'starting' | 'ready' | 'failed'} PhoneState
 *
 * @typedef {object} PhoneOptions
 * @property {DeviceClass} Device the SDK's Device class (or a stand-in with the same shape)
 * @property {() => Promise<VoiceToken>} fetchToken a fresh access token from the API
 * @property {() => Promise<boolean>} mayAnswer whether an incoming call is the line the console asked for
 * @property {(reason: string) => void} onDrop the line's call ended or failed without the agent hanging it up
 * @property {() => void} onChange something shown changed (state, error, devices, the line's call)
 */

/** @param {PhoneOptions} options */
export function createBrowserPhone({ Device, fetchToken, mayAnswer, onDrop, onChange }) {
  /** @type {Device | null} */ let device = null;
  /** @type {Call | null} */ let line = null;
  /** @type {Promise<void> | null} */ let starting = null;
  /** @type {PhoneState} */ let state = 'off';
  /** @type {string | null} */ let error = null;
  let hangingUp = false;

  const set = (/** @type {PhoneState} */ next, /** @type {string | null} */ problem = null) => { state = next; error = problem; onChange(); };
  const describe = (/** @type {TwilioError} */ e) => `${e.message || 'The browser phone failed'}${e.code ? ` (Twilio error ${e.code})` : ''}`;

  /** Creates and registers the Device once; later calls wait for the same registration. */
  function start() {
    starting ??= (async () => {
      set('starting');
      const { token } = await fetchToken();
      const created = new Device(token, { closeProtection: true, tokenRefreshMs: 60_000 });
      device = created;
      created.on('registered', () => set('ready'));
      created.on('unregistered', () => { if (state === 'ready') set('off'); });
      created.on('error', (/** @type {TwilioError} */ e) => { error = describe(e); onChange(); });
      created.on('tokenWillExpire', () => refreshToken(created));
      created.on('incoming', (/** @type {Call} */ call) => answer(call));
      created.audio?.on('deviceChange', onChange);
      await created.register();
      set('ready');
    })().catch(e => { starting = null; set('failed', e instanceof Error ? e.message : String(e)); throw e; });
    return starting;
  }

  async function refreshToken(/** @type {Device} */ target) {
    try { target.updateToken((await fetchToken()).token); }
    catch (e) { error = `Could not renew the browser phone's access: ${e instanceof Error ? e.message : e}`; onChange(); }
  }

  /** Accepts the engine's line call with no click, and only that: anything else is rejected. */
  async function answer(/** @type {Call} */ call) {
    if (line || !(await mayAnswer())) { call.reject(); return; }
    line = call;
    hangingUp = false;
    let dropped = false;
    const drop = (/** @type {string} */ reason) => {
      if (line === call) line = null;
      if (!dropped && !hangingUp) { dropped = true; onDrop(reason); }
      onChange();
    };
    call.on('error', (/** @type {TwilioError} */ e) => drop(describe(e)));
    call.on('disconnect', () => drop('The browser phone’s call ended.'));
    call.on('cancel', () => drop('The line’s call was cancelled before it connected.'));
    call.on('accept', onChange);
    call.accept();
    onChange();
  }

  return {
    start,
    get state() { return state; },
    get error() { return error; },
    get onLine() { return line !== null; },
    get muted() { return line?.isMuted() ?? false; },
    /** @returns {InputDevice[]} the microphones the browser offers (names appear once the microphone is allowed) */
    inputDevices() {
      const found = device?.audio?.availableInputDevices;
      return found ? [...found.values()].map((d, i) => ({ id: d.deviceId, label: d.label || `Microphone ${i + 1}` })) : [];
    },
    /** @returns {string | null} */
    get inputDevice() { return device?.audio?.inputDevice?.deviceId ?? null; },
    /** @param {string} id */
    async chooseInput(id) { await device?.audio?.setInputDevice(id); onChange(); },
    /** Plays the SDK's test sound on the chosen speakers. */
    async testSpeaker() { await device?.audio?.speakerDevices.test(); },
    /** @param {boolean} muted */
    mute(muted) { line?.mute(muted); onChange(); },
    /** The agent hangs up their line: its end is not a drop. */
    hangUp() { hangingUp = true; line?.disconnect(); line = null; onChange(); },
  };
}

/** @typedef {ReturnType<typeof createBrowserPhone>} BrowserPhone */
