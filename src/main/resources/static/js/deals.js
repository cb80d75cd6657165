// Kanban board of the deals module: drag a card to another column to move the deal (SortableJS).
// A refused move puts the card back and shows the server's message next to the board; Won asks for a
// value when the deal has none, Lost asks for the reason. No inline scripts (Content-Security-Policy).
(function () {
    'use strict';

    var board = document.getElementById('board');
    if (!board) {
        return;
    }
    var message = document.getElementById('board-message');
    var wonForm = document.getElementById('won-form');
    var lostForm = document.getElementById('lost-form');
    var pending = null;

    function csrfHeaders() {
        var headers = {'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true'};
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            headers[header.content] = token.content;
        }
        return headers;
    }

    function init() {
        if (typeof Sortable === 'undefined') {
            return;
        }
        board.querySelectorAll('.deal-cards').forEach(function (list) {
            if (list.getAttribute('data-sortable') === 'on') {
                return;
            }
            list.setAttribute('data-sortable', 'on');
            // forceFallback: pointer events instead of native HTML5 drag and drop, which behaves the
            // same in every browser (and under WebDriver).
            Sortable.create(list, {
                group: 'deals', animation: 150, draggable: '.deal-card', forceFallback: true,
                fallbackTolerance: 3, onEnd: dropped
            });
        });
    }

    function dropped(event) {
        if (event.from === event.to) {
            return;
        }
        var card = event.item;
        pending = {
            card: card, from: event.from, oldIndex: event.oldIndex,
            source: event.from.getAttribute('data-column'), target: event.to.getAttribute('data-column')
        };
        hideDialogs();
        if (pending.target === 'won' && !(parseFloat(card.getAttribute('data-value')) > 0)) {
            openDialog(wonForm, card);
            return;
        }
        if (pending.target === 'lost') {
            openDialog(lostForm, card);
            return;
        }
        send({});
    }

    /** Moves the card back to where it was picked up. */
    function revert() {
        if (!pending) {
            return;
        }
        var siblings = pending.from.children;
        var before = siblings[pending.oldIndex] || null;
        pending.from.insertBefore(pending.card, before === pending.card ? pending.card.nextSibling : before);
        pending = null;
    }

    function send(extra) {
        var move = pending;
        var body = new URLSearchParams(board.getAttribute('data-filter-query') || '');
        body.set('pipelineId', board.getAttribute('data-pipeline-id'));
        body.set('dealId', move.card.getAttribute('data-deal-id'));
        body.set('target', move.target);
        body.set('from', move.source);
        Object.keys(extra).forEach(function (key) {
            body.set(key, extra[key]);
        });
        board.setAttribute('aria-busy', 'true');
        fetch(board.getAttribute('data-move-url'), {
            method: 'POST', headers: csrfHeaders(), body: body.toString(), credentials: 'same-origin'
        }).then(function (response) {
            return response.text().then(function (text) {
                return {ok: response.ok, text: text};
            });
        }).then(function (result) {
            board.removeAttribute('aria-busy');
            if (result.ok) {
                pending = null;
                replaceColumns(result.text);
                message.innerHTML = '';
            } else {
                revert();
                message.innerHTML = result.text;
            }
        }).catch(function () {
            board.removeAttribute('aria-busy');
            revert();
        });
    }

    function replaceColumns(html) {
        var template = document.createElement('template');
        template.innerHTML = html;
        template.content.querySelectorAll('.deal-column').forEach(function (column) {
            var old = document.getElementById(column.id);
            if (old) {
                old.replaceWith(column);
            }
        });
        init();
    }

    function openDialog(form, card) {
        var title = form.querySelector('[data-template]');
        if (title) {
            title.textContent = title.getAttribute('data-template').replace('{title}', card.getAttribute('data-title'));
        }
        form.reset();
        form.classList.remove('d-none');
        var first = form.querySelector('input, select');
        if (first) {
            first.focus();
        }
    }

    function hideDialogs() {
        [wonForm, lostForm].forEach(function (form) {
            if (form) {
                form.classList.add('d-none');
            }
        });
    }

    function submitted(event) {
        event.preventDefault();
        if (!pending) {
            hideDialogs();
            return;
        }
        var extra = {};
        new FormData(event.target).forEach(function (value, key) {
            extra[key] = value;
        });
        hideDialogs();
        send(extra);
    }

    [wonForm, lostForm].forEach(function (form) {
        if (form) {
            form.addEventListener('submit', submitted);
        }
    });

    document.addEventListener('click', function (event) {
        if (event.target.closest('[data-cancel-dialog]')) {
            hideDialogs();
            revert();
        }
        if (event.target.closest('[data-dismiss-message]')) {
            message.innerHTML = '';
        }
    });

    /** For scripts and tests: the same move a drop makes. */
    window.kervanDeals = {
        move: function (dealId, target) {
            var card = document.getElementById('deal-' + dealId);
            var list = board.querySelector('.deal-cards[data-column="' + target + '"]');
            if (!card || !list) {
                return;
            }
            var from = card.parentElement;
            var oldIndex = Array.prototype.indexOf.call(from.children, card);
            list.appendChild(card);
            dropped({from: from, to: list, item: card, oldIndex: oldIndex});
        }
    };

    if (typeof Sortable === 'undefined') {
        window.addEventListener('load', init);
    } else {
        init();
    }
})();
