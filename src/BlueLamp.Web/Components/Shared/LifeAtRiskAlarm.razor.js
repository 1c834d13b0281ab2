// The life-at-risk alarm outside the page: a tone (two short beeps every two seconds), the tab's title flashing, and a
// desktop notification per alarm when the user has allowed them, so the alarm reaches someone whose screen is in a
// background tab or behind another application. Everything stops when no part of the page has an alarm left.
let context = null;
let toneTimer = null;
let titleTimer = null;
let pageTitle = null;
let alarmTitle = null;
let shownTitle = null;
const notifications = new Map();

function beep(at, frequency) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    oscillator.type = "square";
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.3);
}

/// Starts the tone; returns false when the browser will not play sound until the user interacts with the page.
export async function start() {
    try {
        context ??= new AudioContext();
        if (context.state === "suspended") await context.resume();
        if (context.state !== "running") return false;
        if (!toneTimer) {
            const ring = () => { const t = context.currentTime; beep(t, 880); beep(t + 0.35, 660); };
            ring();
            toneTimer = setInterval(ring, 2000);
        }
        return true;
    } catch {
        return false;
    }
}

// The title alternates every second between the alarm and the page's own title, which the page may change meanwhile;
// the alarm shown may change too, so what was put in the title is remembered rather than recognised.
function flashTitle(title) {
    alarmTitle = title;
    if (titleTimer) return;
    const flip = () => {
        if (shownTitle !== null && document.title === shownTitle) {
            document.title = pageTitle;
            shownTitle = null;
        } else {
            pageTitle = document.title;
            document.title = shownTitle = alarmTitle;
        }
    };
    flip();
    titleTimer = setInterval(flip, 1000);
}

function stopTitle() {
    if (titleTimer) clearInterval(titleTimer);
    titleTimer = null;
    if (shownTitle !== null && document.title === shownTitle) document.title = pageTitle;
    shownTitle = null;
    alarmTitle = null;
}

function notify(alarms) {
    const current = new Set(alarms.map(a => a.id));
    for (const [id, shown] of notifications) {
        if (!current.has(id)) {
            shown.close();
            notifications.delete(id);
        }
    }
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    for (const alarm of alarms) {
        if (notifications.has(alarm.id)) continue;
        try {
            // Who and where, not what they wrote: a notification can show on a locked or shared screen.
            const shown = new Notification(alarm.title, { body: alarm.body, tag: `bluelamp-${alarm.id}`, requireInteraction: true });
            shown.onclick = () => { window.focus(); shown.close(); };
            notifications.set(alarm.id, shown);
        } catch {
            // Some browsers only show notifications from a service worker; the banner, title and tone still alarm.
        }
    }
}

// What each part of the page alarms for (the desk's banner, the control room's list), by the part's own name: one part
// clearing its alarms leaves another's sounding, for a user who is both a supervisor and a call handler.
const sources = new Map();

function refresh() {
    const alarms = [...sources.values()].flat();
    notify(alarms);
    if (alarms.length === 0) {
        if (toneTimer) clearInterval(toneTimer);
        toneTimer = null;
        stopTitle();
        return Promise.resolve(false);
    }
    flashTitle(`⚠ ${alarms[0].title}`);
    return start();
}

/// Shows the alarms of one part of the page outside it: [{ id, title, body }], the most urgent first; none clears that
/// part's. Returns whether the tone plays.
export async function show(source, alarms) {
    if (alarms.length === 0) sources.delete(source); else sources.set(source, alarms);
    return await refresh();
}

/// Stops what one part of the page showed outside it; what other parts show goes on.
export async function stop(source) {
    sources.delete(source);
    await refresh();
}

/// "granted", "denied", "default" (not asked yet) or "unsupported".
export function desktopAlerts() {
    return "Notification" in window ? Notification.permission : "unsupported";
}

/// Asks the browser to allow desktop notifications; must run from a click. Returns the answer, as desktopAlerts does.
export async function allowDesktopAlerts() {
    if (!("Notification" in window)) return "unsupported";
    return await Notification.requestPermission();
}
