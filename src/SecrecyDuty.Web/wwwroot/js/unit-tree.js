// The unit tree (Pages/Units/Tree.cshtml): a toggle button beside each unit with units below it opens and closes its
// branch (aria-expanded); a branch not yet read is asked from the page's Children handler (list items rendered by the
// server) the first time it opens, so that the page holds only the top of the tree whatever the province's size.
// Buttons are keyboard-usable as they are (Enter, Space); the status line tells screen readers when reading fails.
(() => {
    "use strict";
    const tree = document.getElementById("unit-tree");
    if (!tree) {
        return;
    }
    const status = document.getElementById("unit-tree-status");

    const open = async (button, branch) => {
        if (branch.dataset.loaded !== "true") {
            button.setAttribute("aria-busy", "true");
            try {
                const response = await fetch(button.dataset.children, { headers: { Accept: "text/html" }, credentials: "same-origin" });
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                branch.innerHTML = await response.text();
                branch.dataset.loaded = "true";
            } catch {
                status.textContent = tree.dataset.error;
                return;
            } finally {
                button.removeAttribute("aria-busy");
            }
        }
        branch.hidden = false;
        button.setAttribute("aria-expanded", "true");
    };

    tree.addEventListener("click", (event) => {
        const button = event.target.closest(".tree-toggle");
        if (!button || !tree.contains(button)) {
            return;
        }
        const branch = document.getElementById(button.getAttribute("aria-controls"));
        if (button.getAttribute("aria-expanded") === "true") {
            branch.hidden = true;
            button.setAttribute("aria-expanded", "false");
        } else {
            open(button, branch);
        }
    });
})();
