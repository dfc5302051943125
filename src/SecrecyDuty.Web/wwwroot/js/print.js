// The print button of a printable document (no inline handler: the Content-Security-Policy allows none).
(() => {
    "use strict";
    const button = document.getElementById("print-button");
    if (button) {
        button.addEventListener("click", () => window.print());
    }
})();
