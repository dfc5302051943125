// Draws the dashboard's trend charts from the figures the page embeds (#trend-data), with Chart.js served from /lib.
(function () {
    "use strict";
    var source = document.getElementById("trend-data");
    if (!source || typeof Chart === "undefined") {
        return;
    }

    var data = JSON.parse(source.textContent);
    var colours = ["#8b1a1a", "#0d6efd", "#198754"];

    var activities = document.getElementById("chart-activities");
    if (activities) {
        new Chart(activities, {
            type: "bar",
            data: {
                labels: data.years,
                datasets: data.activities.map(function (series, i) {
                    return { label: series.label, data: series.data, backgroundColor: colours[i % colours.length] };
                })
            },
            options: { responsive: true, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
        });
    }

    var share = document.getElementById("chart-compliant-share");
    if (share) {
        new Chart(share, {
            type: "line",
            data: {
                labels: data.years,
                datasets: [{ label: data.compliant.label, data: data.compliant.data, borderColor: "#198754", backgroundColor: "#198754", tension: 0.2 }]
            },
            options: { responsive: true, scales: { y: { beginAtZero: true, max: 100 } } }
        });
    }
})();
