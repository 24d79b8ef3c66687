// Rembug simulator page: keeps chats scrolled, the reply bars in step with the bot's questions,
// and shows refusals. htmx does the requests; this file only wires the small UX around them.
(function () {
  'use strict';

  const replyState = { group: { mode: 'auto' }, private: { mode: 'auto' } };
  const pinned = new Map();
  // Alerts closed with OK, by when they came: the log is redrawn every change and must not bring them back.
  const closedAlerts = new Set();

  function hideClosedAlerts() {
    document.querySelectorAll('.alert[data-alert-at]').forEach(function (alert) {
      if (closedAlerts.has(alert.dataset.alertAt)) alert.hidden = true;
    });
  }

  function atBottom(el) {
    return el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  }

  function scopeOfLog(el) {
    const log = el.closest('.log');
    return log ? log.id.replace(/-log$/, '') : null;
  }

  function renderReply(scope) {
    const form = document.querySelector('[data-composer="' + scope + '"]');
    if (!form) return;
    const log = document.getElementById(scope + '-log');
    const state = replyState[scope];
    let id = null;
    let text = '';
    if (state.mode === 'explicit') {
      id = state.id;
      text = state.text;
    } else if (state.mode === 'auto' && log && log.dataset.defaultReply) {
      id = log.dataset.defaultReply;
      text = log.dataset.defaultReplyText || '';
    }
    form.elements.replyTo.value = id || 'none';
    form.querySelector('.reply-text').textContent = text;
    form.querySelector('.reply-bar').hidden = !id;
  }

  function refreshLogs() {
    document.querySelectorAll('.log').forEach(function (log) {
      htmx.trigger(log, 'refresh');
    });
  }

  function showProblem(message) {
    const box = document.getElementById('problem');
    if (!box) return;
    box.textContent = (document.body.dataset.errorLabel || 'Error') + ': ' + message;
    box.hidden = false;
    clearTimeout(showProblem.timer);
    showProblem.timer = setTimeout(function () { box.hidden = true; }, 6000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.scroll').forEach(function (scroll) {
      scroll.scrollTop = scroll.scrollHeight;
      pinned.set(scroll, true);
      scroll.addEventListener('scroll', function () { pinned.set(scroll, atBottom(scroll)); });
      // The log inside is replaced when the chat changes: follow new lines if the reader was at the end.
      new MutationObserver(function () {
        hideClosedAlerts();
        if (pinned.get(scroll)) scroll.scrollTop = scroll.scrollHeight;
        renderReply(scroll.id.replace(/-scroll$/, ''));
      }).observe(scroll, { childList: true, subtree: true });
    });
    renderReply('group');
    renderReply('private');
  });

  document.addEventListener('click', function (event) {
    const close = event.target.closest('.alert-close');
    if (close) {
      const alert = close.closest('.alert');
      closedAlerts.add(alert.dataset.alertAt);
      alert.hidden = true;
      return;
    }
    const reply = event.target.closest('[data-reply]');
    if (reply) {
      const scope = scopeOfLog(reply);
      replyState[scope] = { mode: 'explicit', id: reply.dataset.reply, text: reply.dataset.replyText };
      renderReply(scope);
      const input = document.getElementById(scope + '-text');
      if (input) input.focus();
      return;
    }
    const cancel = event.target.closest('.reply-cancel');
    if (cancel) {
      const scope = cancel.closest('[data-composer]').dataset.composer;
      replyState[scope] = { mode: 'none' };
      renderReply(scope);
      return;
    }
    const edit = event.target.closest('[data-edit]');
    if (edit) {
      const text = window.prompt(edit.dataset.prompt, edit.dataset.text);
      if (text === null || text.trim() === '' || text === edit.dataset.text) return;
      htmx.ajax('POST', edit.dataset.edit, {
        source: edit, swap: 'none', values: { persona: edit.dataset.persona, text: text }
      });
    }
  });

  document.addEventListener('change', function (event) {
    if (event.target.matches('[data-autosubmit]')) event.target.form.submit();
  });

  document.addEventListener('htmx:afterRequest', function (event) {
    if (!event.detail.successful) return;
    const form = event.detail.elt.closest ? event.detail.elt.closest('[data-composer]') : null;
    if (form) {
      form.elements.text.value = '';
      replyState[form.dataset.composer] = { mode: 'auto' };
      renderReply(form.dataset.composer);
      form.elements.text.focus();
    }
    if (event.detail.requestConfig && event.detail.requestConfig.verb !== 'get') refreshLogs();
  });

  document.addEventListener('htmx:responseError', function (event) {
    let message = event.detail.xhr.statusText || String(event.detail.xhr.status);
    try {
      const problem = JSON.parse(event.detail.xhr.responseText);
      if (problem && problem.detail) message = problem.detail;
    } catch (ignored) {
      // not a problem document: keep the status text
    }
    showProblem(message);
  });

  document.addEventListener('htmx:sendError', function () {
    showProblem('offline?');
  });
})();
