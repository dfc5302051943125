// While an import runs, its progress bar follows the job's status until it is done, then the page reloads.
(function () {
    "use strict";
    var panel = document.getElementById("import-job");
    var bar = document.getElementById("import-progress");
    var phase = document.getElementById("import-phase");
    if (!panel || !bar || !phase) {
        return;
    }
    function poll() {
        fetch(panel.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (status) {
                if (!status) { return; }
                if (status.done) { window.location.reload(); return; }
                var indeterminate = status.percent === null;
                bar.classList.toggle("progress-bar-striped", indeterminate);
                bar.classList.toggle("progress-bar-animated", indeterminate);
                bar.style.width = (indeterminate ? 100 : status.percent) + "%";
                bar.textContent = indeterminate ? "" : status.percent + "%";
                bar.parentElement.setAttribute("aria-valuenow", indeterminate ? 0 : status.percent);
                phase.textContent = status.phaseText;
                window.setTimeout(poll, 500);
            })
            .catch(function () { window.setTimeout(poll, 2000); });
    }
    window.setTimeout(poll, 500);
})();
