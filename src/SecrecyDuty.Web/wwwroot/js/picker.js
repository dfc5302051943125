// Search-as-you-type pickers (Pages/Shared/_UnitPicker.cshtml, _AccountsPicker.cshtml): the box asks the picker's
// lookup URL (/Lookup/...) for at most 20 matches of what is typed, each {id, label}; the list is navigable with the
// arrow keys, Enter chooses, Escape closes. A single picker puts the chosen id into its hidden field (editing the text
// again clears it until something is chosen); a multiple picker adds a ticked checkbox for each choice.
(() => {
    "use strict";
    for (const picker of document.querySelectorAll(".picker")) {
        const box = picker.querySelector(".picker-box");
        const value = picker.querySelector(".picker-value");
        const chosen = picker.querySelector(".picker-chosen");
        const list = picker.querySelector(".picker-list");
        const multiple = chosen !== null;
        let items = [];
        let active = -1;
        let timer = 0;
        let chosenText = box.value;

        const close = () => {
            list.hidden = true;
            box.setAttribute("aria-expanded", "false");
            box.removeAttribute("aria-activedescendant");
            active = -1;
        };
        const highlight = (index) => {
            const options = list.querySelectorAll("[role=option]");
            options.forEach((o, i) => {
                o.classList.toggle("active", i === index);
                o.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                box.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            }
        };
        const add = (item) => {
            const id = `${box.id}_chosen_${String(item.id).replace(/[^A-Za-z0-9_-]/g, "_")}`;
            if (document.getElementById(id)) {
                document.getElementById(id).checked = true;
                return;
            }
            const wrapper = document.createElement("div");
            wrapper.className = "form-check";
            const check = document.createElement("input");
            check.type = "checkbox";
            check.className = "form-check-input";
            check.name = picker.dataset.name;
            check.value = item.id;
            check.id = id;
            check.checked = true;
            const label = document.createElement("label");
            label.className = "form-check-label";
            label.htmlFor = id;
            label.textContent = item.label;
            wrapper.append(check, label);
            chosen.append(wrapper);
        };
        const choose = (index) => {
            const item = items[index];
            if (!item) {
                return;
            }
            if (multiple) {
                add(item);
                box.value = chosenText = "";
            } else {
                value.value = item.id;
                box.value = chosenText = item.label;
                value.dispatchEvent(new Event("change", { bubbles: true }));
            }
            close();
        };
        const render = () => {
            list.replaceChildren();
            items.forEach((item, i) => {
                const option = document.createElement("li");
                option.id = `${box.id}_option_${i}`;
                option.setAttribute("role", "option");
                option.className = "list-group-item list-group-item-action";
                option.textContent = item.label;
                option.addEventListener("mousedown", (e) => {
                    e.preventDefault();
                    choose(i);
                });
                list.append(option);
            });
            list.hidden = items.length === 0;
            box.setAttribute("aria-expanded", items.length > 0 ? "true" : "false");
            active = -1;
        };
        const search = async () => {
            const url = new URL(picker.dataset.lookup, window.location.origin);
            url.searchParams.set("term", box.value.trim());
            const response = await fetch(url, { headers: { Accept: "application/json" } });
            items = response.ok ? await response.json() : [];
            render();
        };

        box.addEventListener("input", () => {
            if (!multiple && box.value !== chosenText) {
                value.value = "0";
            }
            clearTimeout(timer);
            timer = setTimeout(search, 200);
        });
        box.addEventListener("focus", () => {
            if (multiple || value.value === "0") {
                search();
            }
        });
        box.addEventListener("keydown", (e) => {
            if (e.key === "ArrowDown" && items.length > 0) {
                e.preventDefault();
                list.hidden = false;
                box.setAttribute("aria-expanded", "true");
                highlight(Math.min(active + 1, items.length - 1));
            } else if (e.key === "ArrowUp" && items.length > 0) {
                e.preventDefault();
                highlight(Math.max(active - 1, 0));
            } else if (e.key === "Enter" && !list.hidden && active >= 0) {
                e.preventDefault();
                choose(active);
            } else if (e.key === "Escape") {
                close();
            }
        });
        box.addEventListener("blur", close);
    }
})();
