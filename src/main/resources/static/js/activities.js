// The quick-log bar and timeline on record pages. Keys (when not typing in a field): c call,
// m meeting, e e-mail, n note, w WhatsApp. In the form: Ctrl/Cmd+Enter saves, Escape closes.
(function () {
    'use strict';
    if (window.kervanActivities) {
        return;
    }
    window.kervanActivities = true;

    function typing(target) {
        return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    }

    function closeForm() {
        var holder = document.getElementById('quick-log-form');
        if (holder) {
            holder.innerHTML = '';
            var first = document.querySelector('[data-shortcut]');
            if (first) {
                first.focus();
            }
        }
    }

    document.addEventListener('keydown', function (event) {
        var form = event.target.closest && event.target.closest('#activity-form');
        if (form) {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                form.requestSubmit();
            } else if (event.key === 'Escape') {
                event.preventDefault();
                closeForm();
            }
            return;
        }
        if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
            return;
        }
        var button = document.querySelector('#quick-log [data-shortcut="' + event.key.toLowerCase() + '"]');
        if (button) {
            event.preventDefault();
            button.click();
        }
    });

    document.addEventListener('click', function (event) {
        if (event.target.closest('[data-activity-cancel]')) {
            event.preventDefault();
            closeForm();
        }
    });

    // A freshly shown form gets the focus, so logging is: key, type, Ctrl+Enter.
    document.addEventListener('htmx:afterSwap', function (event) {
        if (event.target.id === 'quick-log-form') {
            var field = event.target.querySelector('[autofocus]') || event.target.querySelector('textarea, input:not([type=hidden])');
            if (field) {
                field.focus();
            }
        }
    });
})();
