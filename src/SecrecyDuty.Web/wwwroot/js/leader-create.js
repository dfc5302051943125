// The first posting's fields only matter when it is asked for; without script they simply stay visible.
(() => {
    "use strict";
    const box = document.getElementById("Input_AddFirstPosting");
    const fields = document.getElementById("first-posting-fields");
    if (!box || !fields) {
        return;
    }
    const sync = () => { fields.hidden = !box.checked; };
    box.addEventListener("change", sync);
    sync();
})();
