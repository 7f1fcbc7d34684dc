// A stand-in for Twilio's Device that the browser-phone tests drive. Installed before the page loads (Playwright's
// addInitScript) as window.__dialerDeviceOverride, the one seam the console reads instead of window.Twilio.Device.
// It records what the console did (window.__phone.did('accept')) and lets the test fire the SDK's events.
(() => {
  class Emitter {
    on(event, listener) { ((this.listeners ??= {})[event] ??= []).push(listener); return this; }
    emit(event, ...args) { for (const listener of this.listeners?.[event] ?? []) listener(...args); }
  }
  const log = [];
  const record = (what, ...args) => log.push({ what, args });

  class StandInCall extends Emitter {
    constructor(parameters) { super(); this.parameters = parameters; this.muted = false; this.state = 'pending'; }
    accept() { record('accept'); this.state = 'open'; this.emit('accept', this); }
    reject() { record('reject'); this.state = 'closed'; }
    disconnect() { record('disconnect'); this.state = 'closed'; this.emit('disconnect', this); }
    mute(muted = true) { record('mute', muted); this.muted = muted; this.emit('mute', muted, this); }
    isMuted() { return this.muted; }
    sendDigits(digits) { record('sendDigits', digits); }
    status() { return this.state; }
  }

  // the microphones are the browser's own (Chromium's fake ones in the tests), listed as the SDK does: after a moment
  class StandInAudio extends Emitter {
    constructor() {
      super();
      this.availableInputDevices = new Map();
      this.inputDevice = null;
      this.speakerDevices = { test: () => { record('speakerTest'); return Promise.resolve(); } };
      navigator.mediaDevices.enumerateDevices().then(all => {
        for (const d of all.filter(d => d.kind === 'audioinput')) this.availableInputDevices.set(d.deviceId, d);
        this.emit('deviceChange', []);
      });
    }
    setInputDevice(id) { record('setInputDevice', id); this.inputDevice = this.availableInputDevices.get(id) ?? null; return Promise.resolve(); }
  }

  class StandInDevice extends Emitter {
    constructor(token, options) { super(); record('construct', token, options); this.audio = new StandInAudio(); this.state = 'unregistered'; phone.device = this; }
    register() { record('register'); this.state = 'registered'; setTimeout(() => this.emit('registered')); return Promise.resolve(); }
    updateToken(token) { record('updateToken', token); }
    destroy() { record('destroy'); }
  }

  const phone = window.__phone = {
    log, device: null, call: null,
    did: what => log.filter(l => l.what === what).map(l => l.args),
    /** The engine's call reaching the browser phone (or any other call). */
    ring(parameters = {}) { const call = new StandInCall(parameters); this.call = call; this.device.emit('incoming', call); return true; },
    disconnect() { this.call.state = 'closed'; this.call.emit('disconnect', this.call); return true; },
    fail(code, message) { this.call.emit('error', Object.assign(new Error(message), { code })); return true; },
    tokenWillExpire() { this.device.emit('tokenWillExpire', this.device); return true; },
  };
  window.__dialerDeviceOverride = StandInDevice;
})();
