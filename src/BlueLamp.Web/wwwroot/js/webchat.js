// The public web chat: posts to BlueLamp's JSON API and shows replies as they arrive over server-sent events.
// Everything the server sends is shown with textContent, never as HTML.
(() => {
    "use strict";
    const root = document.querySelector("main.chat[data-force]");
    if (!root) return;
    const force = root.dataset.force;
    const maxLength = Number(root.dataset.maxLength);
    const api = `/api/webchat/${encodeURIComponent(force)}`;
    const tokenKey = `bluelamp.webchat.${force}.token`;

    const form = document.getElementById("chat-form");
    const text = document.getElementById("chat-text");
    const nameInput = document.getElementById("chat-name");
    const error = document.getElementById("chat-text-error");
    const count = document.getElementById("chat-text-count");
    const status = document.getElementById("chat-status");
    const transcript = document.getElementById("transcript");
    const empty = document.getElementById("transcript-empty");
    const button = form.querySelector("button[type=submit]");
    const shown = new Set();
    let stream = null;

    const token = () => localStorage.getItem(tokenKey);

    function newId() {
        return (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`).replace(/[^A-Za-z0-9_-]/g, "");
    }

    function show(message) {
        if (shown.has(message.id)) return;
        shown.add(message.id);
        const li = document.createElement("li");
        li.className = message.fromForce ? "msg outbound" : "msg inbound";
        li.dataset.testid = message.fromForce ? "chat-reply" : "chat-mine";
        const meta = document.createElement("div");
        meta.className = "msg-meta";
        meta.textContent = `${message.from} · ${new Date(message.sentAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}`;
        const body = document.createElement("div");
        body.className = "msg-text";
        body.textContent = message.text;
        li.append(meta, body);
        transcript.append(li);
        empty.hidden = true;
    }

    function setError(message) {
        error.textContent = message || "";
        if (message) text.setAttribute("aria-invalid", "true"); else text.removeAttribute("aria-invalid");
    }

    function listen() {
        if (stream || !token()) return;
        stream = new EventSource(`${api}/stream?token=${encodeURIComponent(token())}`);
        stream.addEventListener("message", e => show(JSON.parse(e.data)));
        stream.onerror = () => {
            // The browser reconnects by itself; a 404 (no conversation yet) or 401 closes the stream for good.
            if (stream.readyState === EventSource.CLOSED) stream = null;
        };
    }

    text.addEventListener("input", () => {
        const left = maxLength - text.value.length;
        count.textContent = left >= 0 ? `${left} characters left.` : `${-left} characters too many.`;
        if (error.textContent && text.value.trim()) setError("");
    });

    form.addEventListener("submit", async e => {
        e.preventDefault();
        const value = text.value.trim();
        if (!value) { setError("Type a message before sending."); text.focus(); return; }
        if (value.length > maxLength) { setError(`Your message is ${value.length} characters long; the limit is ${maxLength}.`); text.focus(); return; }
        setError("");
        button.disabled = true;
        status.textContent = "Sending…";
        const clientMessageId = form.dataset.pendingId || newId();
        form.dataset.pendingId = clientMessageId; // a retry of the same message keeps its id, so it is stored once
        try {
            const headers = { "Content-Type": "application/json" };
            if (token()) headers["X-Visitor-Token"] = token();
            const response = await fetch(`${api}/messages`, {
                method: "POST", headers,
                body: JSON.stringify({ text: value, clientMessageId, name: nameInput.value.trim() || null }),
            });
            const body = await response.json().catch(() => ({}));
            if (!response.ok) {
                const messages = body.errors ? Object.values(body.errors).flat() : [body.detail || body.title || "Your message was not sent. Please try again."];
                setError(messages.join(" "));
                status.textContent = "";
                if (body.errors && body.errors.visitorToken) localStorage.removeItem(tokenKey);
                text.focus();
                return;
            }
            localStorage.setItem(tokenKey, body.visitorToken);
            delete form.dataset.pendingId;
            text.value = "";
            count.textContent = `Up to ${maxLength} characters.`;
            status.textContent = "Sent. Someone from the force will reply here.";
            show({ id: body.messageId, from: "You", text: value, sentAt: new Date().toISOString(), fromForce: false });
            listen();
        } catch {
            setError("Your message could not be sent: check your connection and press Send again. If you are in danger now, call 999.");
            status.textContent = "";
        } finally {
            button.disabled = false;
        }
    });

    listen();
})();
