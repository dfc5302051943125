// Forms marked data-confirm ask before they post anything irreversible.
(() => {
    "use strict";
    for (const form of document.querySelectorAll("form[data-confirm]")) {
        form.addEventListener("submit", (e) => {
            if (!window.confirm(form.dataset.confirm)) {
                e.preventDefault();
            }
        });
    }
})();
