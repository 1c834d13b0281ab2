// Desk keyboard shortcuts. Single keys act only when the operator is not typing; Ctrl+Enter sends from the reply box.
const keys = new Set(["j", "k", "o", "c", "r", "t", "x", "q", "/", "?", "arrowdown", "arrowup", "enter"]);

export function register(dotnet) {
    const handler = event => {
        const target = event.target;
        const typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
        if (typing && event.ctrlKey && event.key === "Enter") {
            event.preventDefault();
            dotnet.invokeMethodAsync("Shortcut", "send");
            return;
        }
        if (event.key === "Escape") {
            dotnet.invokeMethodAsync("Shortcut", "escape");
            return;
        }
        if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
        // Enter on a link or button keeps its own meaning.
        if (event.key === "Enter" && target && (target.tagName === "A" || target.tagName === "BUTTON")) return;
        const key = event.key.length === 1 ? event.key.toLowerCase() : event.key.toLowerCase();
        if (!keys.has(key)) return;
        event.preventDefault();
        dotnet.invokeMethodAsync("Shortcut", key);
    };
    document.addEventListener("keydown", handler);
    return { dispose: () => document.removeEventListener("keydown", handler) };
}
