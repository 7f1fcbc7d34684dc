// What the wall shows for a state, and when an agent counts as stuck. Pure, so it reads like the rules it is.
export const STATES = ['OnCall', 'WrapUp', 'Reserved', 'Available', 'Break', 'Offline'];

/** "Ada is …" */
const doing = { OnCall: 'on a call', WrapUp: 'in wrap-up', Reserved: 'reserved for a call', Available: 'available', Break: 'on a break', Offline: 'offline' };

const label = { OnCall: 'On call', WrapUp: 'Wrap-up', Reserved: 'Reserved', Available: 'Available', Break: 'Break', Offline: 'Offline' };

const two = v => String(Math.floor(v)).padStart(2, '0');
export const clock = {
  label,
  doing,
  elapsed(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return s < 3600 ? `${two(s / 60)}:${two(s % 60)}` : `${Math.floor(s / 3600)}:${two(s / 60 % 60)}:${two(s % 60)}`;
  },
  hm(seconds) {
    const m = Math.floor(Math.max(0, seconds) / 60);
    return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${two(m % 60)}`;
  },
};

/**
 * Why the agent looks stuck (a sentence for the flag and its tooltip), or null. The Api decides from when the agent
 * counts as stuck in its state (a.stuck, the one rule the healer also keeps); the page only reads its clock against it.
 */
export function stuckOf(a, now) {
  const s = a.stuck;
  if (!s || now <= Date.parse(s.from)) return null;
  const inState = (now - Date.parse(a.since)) / 1000;
  switch (s.kind) {
    case 'console': return `Console gone for ${clock.elapsed((now - Date.parse(a.consoleDisconnectedAt)) / 1000)}`;
    case 'reserved': return `Reserved past the ${s.limitSeconds} s timeout`;
    case 'wrap-up': return `Wrap-up past the campaign's ${s.limitSeconds} s`;
    default: return a.usualTalkSeconds ? `On call ${(inState / a.usualTalkSeconds).toFixed(1)}× longer than usual` : `On call over ${clock.hm(s.limitSeconds)}`;
  }
}
