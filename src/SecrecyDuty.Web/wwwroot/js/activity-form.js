// The fields of the chosen kind show at once, and another unit reloads the leadership to pick the attendees from.
(() => {
    "use strict";
    const kind = document.getElementById("activity-kind");
    if (kind) {
        const sync = () => {
            for (const fields of document.querySelectorAll(".kind-fields")) {
                fields.hidden = fields.dataset.kind !== kind.value;
            }
        };
        kind.addEventListener("change", sync);
        sync();
    }

    const refresh = document.getElementById("refresh-attendees");
    const unit = document.getElementById("Input_UnitId");
    if (refresh && unit) {
        unit.addEventListener("change", () => refresh.click());
    }
})();
