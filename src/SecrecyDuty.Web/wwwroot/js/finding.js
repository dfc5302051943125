// The roles each deficiency concerns (InspectionRules.ConcernedRoles): choosing one ticks its postings.
(() => {
    "use strict";
    const data = document.getElementById("concerned-roles");
    const code = document.getElementById("Input_DeficiencyCode");
    const other = document.getElementById("other-deficiency");
    if (!data || !code || !other) {
        return;
    }
    const concerned = JSON.parse(data.textContent);
    const sync = () => { other.hidden = code.value !== other.dataset.otherCode; };
    code.addEventListener("change", () => {
        sync();
        const roles = concerned[code.value] || [];
        for (const box of document.querySelectorAll(".candidate")) {
            box.checked = roles.includes(box.dataset.role) || (box.dataset.leads === "true" && roles.includes("SecrecyLeader"));
        }
    });
    sync();
})();
