// Keeps the keyboard's selection on screen. The queue is virtualized: a line far from the visible ones is not in the
// page, so the list is first scrolled to about where it is (from the height of the lines drawn), and the line is
// brought into view once drawn. Returns whether the line was there.
export function reveal(conversationId, index) {
    const line = document.querySelector(`tr[data-conversation="${conversationId}"]`);
    if (line) {
        line.scrollIntoView({ block: "nearest" });
        return true;
    }
    const drawn = document.querySelectorAll("[data-testid=queue] tr[data-conversation]");
    const box = document.querySelector("[data-testid=queue] .mud-table-container");
    if (box && drawn.length > 0) {
        const lineHeight = Array.from(drawn).reduce((sum, tr) => sum + tr.getBoundingClientRect().height, 0) / drawn.length;
        box.scrollTop = Math.max(0, index * lineHeight - box.clientHeight / 2);
    }
    return false;
}
