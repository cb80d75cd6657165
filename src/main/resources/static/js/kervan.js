// Kervan page behaviour. No inline scripts anywhere (the Content-Security-Policy forbids them).
(function () {
    'use strict';

    // Send the CSRF token with every htmx request that changes something.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // Buttons and links with data-confirm ask before acting.
    document.addEventListener('click', function (event) {
        var target = event.target.closest('[data-confirm]');
        if (target && !window.confirm(target.getAttribute('data-confirm'))) {
            event.preventDefault();
            event.stopPropagation();
        }
    }, true);

    // Forms with repeatable rows (e-mails, phones, company links): "add" clones a template row.
    document.addEventListener('click', function (event) {
        var add = event.target.closest('[data-add-row]');
        if (add) {
            event.preventDefault();
            var list = document.getElementById(add.getAttribute('data-add-row'));
            var template = document.getElementById(add.getAttribute('data-template'));
            if (list && template) {
                // Indexes only grow, so a row added after another was removed never reuses a posted index.
                var next = parseInt(list.getAttribute('data-next-index'), 10);
                var index = isNaN(next) ? list.querySelectorAll('[data-row]').length : next;
                list.setAttribute('data-next-index', String(index + 1));
                var html = template.innerHTML.replace(/__INDEX__/g, String(index));
                list.insertAdjacentHTML('beforeend', html);
            }
            return;
        }
        var remove = event.target.closest('[data-remove-row]');
        if (remove) {
            event.preventDefault();
            var row = remove.closest('[data-row]');
            if (row) {
                row.remove();
            }
        }
    });
})();
