// The inspecting body's unit is hidden for a self-inspection (art. 8).
(() => {
    "use strict";
    const bodyUnit = document.getElementById("body-unit");
    if (!bodyUnit) {
        return;
    }
    const sync = () => {
        const chosen = document.querySelector(".inspecting-body:checked");
        bodyUnit.hidden = chosen !== null && chosen.value === "OwnSecrecyOrganization";
    };
    for (const radio of document.querySelectorAll(".inspecting-body")) {
        radio.addEventListener("change", sync);
    }
    sync();
})();
