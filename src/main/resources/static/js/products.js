// Price list form: tiers are repeatable rows inside repeatable item rows. Items use kervan.js's
// data-add-row (placeholder __INDEX__); tiers use data-add-tier with their own placeholder __TIER__.
(function () {
    'use strict';

    document.addEventListener('click', function (event) {
        var add = event.target.closest('[data-add-tier]');
        if (!add) {
            return;
        }
        event.preventDefault();
        var list = document.getElementById(add.getAttribute('data-target'));
        var template = document.getElementById(add.getAttribute('data-template'));
        if (!list || !template) {
            return;
        }
        // Indexes only grow, so a tier added after another was removed never reuses a posted index.
        var next = parseInt(list.getAttribute('data-next-tier'), 10);
        var index = isNaN(next) ? list.querySelectorAll('[data-row]').length : next;
        list.setAttribute('data-next-tier', String(index + 1));
        list.insertAdjacentHTML('beforeend', template.innerHTML.replace(/__TIER__/g, String(index)));
    });
})();
