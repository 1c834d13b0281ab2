// The life-at-risk alarm tone: two short beeps every two seconds until the alarm is dealt with.
let context = null;
let timer = null;

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
        if (!timer) {
            const ring = () => { const t = context.currentTime; beep(t, 880); beep(t + 0.35, 660); };
            ring();
            timer = setInterval(ring, 2000);
        }
        return true;
    } catch {
        return false;
    }
}

export function stop() {
    if (timer) clearInterval(timer);
    timer = null;
}
