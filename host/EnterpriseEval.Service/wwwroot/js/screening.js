// The progress of a screening job (Pages/Hr/Screening.cshtml): asks the status API once a second and shows its stage
// and count; when the job has ended, reloads the page, which then shows the results (or why it stopped).
(function () {
    "use strict";
    var box = document.getElementById("job-progress");
    if (!box) {
        return;
    }

    var url = box.getAttribute("data-status-url");
    var stage = document.getElementById("job-stage");
    var count = document.getElementById("job-count");
    var bar = document.getElementById("job-bar");
    var state = document.getElementById("job-state");

    function poll() {
        fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (answer) {
                if (!answer.ok) {
                    throw new Error(String(answer.status));
                }
                return answer.json();
            })
            .then(function (status) {
                if (status.state !== "queued" && status.state !== "running") {
                    window.location.reload();
                    return;
                }
                state.textContent = status.stateName;
                stage.textContent = status.stage;
                if (status.total > 0) {
                    count.textContent = status.done + " / " + status.total;
                    bar.max = status.total;
                    bar.value = status.done;
                }
                window.setTimeout(poll, 1000);
            })
            .catch(function () {
                window.setTimeout(poll, 3000);
            });
    }

    window.setTimeout(poll, 500);
}());
