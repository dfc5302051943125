// Forms, or the submit buttons of a form, marked data-confirm ask before they post anything irreversible.
(() => {
    "use strict";
    for (const form of document.querySelectorAll("form")) {
        form.addEventListener("submit", (e) => {
            // The button that posts speaks first: "Save" and "Save and finalize" share one form.
            const message = e.submitter?.dataset.confirm ?? form.dataset.confirm;
            if (message && !window.confirm(message)) {
                e.preventDefault();
            }
        });
    }
})();
