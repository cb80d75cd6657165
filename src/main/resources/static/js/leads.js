// Lead pages: show the "reason for disqualifying" field only while the status is "disqualified".
(function () {
    'use strict';

    function sync(select) {
        var form = select.closest('form');
        var reason = form && form.querySelector('[data-disqualified-reason]');
        if (reason) {
            var show = select.value === 'disqualified' || reason.querySelector('.is-invalid') !== null;
            reason.classList.toggle('d-none', !show);
        }
    }

    function init() {
        document.querySelectorAll('select[data-lead-status]').forEach(sync);
    }

    document.addEventListener('change', function (event) {
        if (event.target.matches && event.target.matches('select[data-lead-status]')) {
            sync(event.target);
        }
    });

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
