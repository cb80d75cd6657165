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

    // The top bar's search: "/" focuses it from anywhere outside a text field; the arrow keys move between the
    // box and its suggestions (links, so Enter opens one), Escape leaves the box.
    function typing(element) {
        return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
    }

    document.addEventListener('keydown', function (event) {
        var box = document.getElementById('global-search-q');
        if (!box) {
            return;
        }
        if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)) {
            event.preventDefault();
            box.focus();
            box.select();
            return;
        }
        if (!event.target.closest || !event.target.closest('#global-search')) {
            return;
        }
        if (event.key === 'Escape') {
            event.target.blur();
            return;
        }
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
            return;
        }
        var items = Array.prototype.slice.call(document.querySelectorAll('#global-search-menu a.dropdown-item'));
        if (items.length === 0) {
            return;
        }
        event.preventDefault();
        var at = items.indexOf(event.target);
        var next = event.key === 'ArrowDown' ? at + 1 : at - 1;
        if (next < 0) {
            box.focus();
        } else {
            items[Math.min(next, items.length - 1)].focus();
        }
    });
})();
