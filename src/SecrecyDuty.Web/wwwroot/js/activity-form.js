// The activity form (Pages/Activities/_ActivityFields.cshtml): with script, the form follows its choices at once: the
// fields of the chosen kind show, and another unit chosen in the unit picker reloads the leadership to pick the attendees
// from. Without script, the "show the leadership" button does both. A date is typed digit by digit and would reload at
// every keystroke: after changing it, the button reloads.
(() => {
    "use strict";
    const kind = document.getElementById("activity-kind");
    if (!kind) {
        return;
    }
    const sync = () => {
        for (const fields of document.querySelectorAll(".kind-fields")) {
            fields.hidden = fields.dataset.kind !== kind.value;
        }
    };
    kind.addEventListener("change", sync);
    sync();

    const refresh = document.getElementById("refresh-attendees");
    const unit = document.querySelector("input.picker-value[name='Input.UnitId']");
    if (refresh && unit) {
        unit.addEventListener("change", () => refresh.click());
    }
})();
