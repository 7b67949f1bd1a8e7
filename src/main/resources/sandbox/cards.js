// Renders CDS Hooks cards as an EHR would: the indicator as colour AND a text label, the summary, the markdown
// detail, the source link, the suggestions with Accept buttons, and Override with the card's own reasons.
// Accepting applies the suggestion's actions as the EHR does (the page's draft orders) and sends feedback.
// Each card is an <article> with data-topic (source.topic.code) and data-indicator.

import { el } from './dom.js';
import { renderMarkdown } from './markdown.js';

const LABELS = { critical: 'Critical', warning: 'Warning', info: 'Info' };

function indicatorBadge(indicator) {
  return el('span', { class: `indicator indicator--${indicator}` },
    el('span', { class: 'indicator-mark', 'aria-hidden': 'true' }, indicator === 'info' ? 'i' : '!'),
    LABELS[indicator] || indicator);
}

function source(card) {
  const label = card.source?.label || 'unnamed source';
  return el('p', { class: 'source' }, 'Source: ', /^https?:\/\//.test(card.source?.url || '')
    ? el('a', { href: card.source.url, target: '_blank', rel: 'noopener noreferrer' }, label)
    : label);
}

function feedbackStatus() {
  return el('p', { class: 'feedback-status', role: 'status', 'aria-live': 'polite' });
}

async function send(article, status, controls, item, ehr, done) {
  controls.forEach((c) => { c.disabled = true; });
  status.textContent = 'Sending feedback…';
  const answer = await ehr.sendFeedback(item);
  if (answer.ok) {
    article.dataset.feedback = item.outcome;
    status.textContent = `${done}. Feedback sent (HTTP ${answer.status}).`;
  } else {
    controls.forEach((c) => { c.disabled = false; });
    status.textContent = `Feedback failed (HTTP ${answer.status || 'no answer'}): ${answer.message || ''}`;
  }
}

function suggestions(card, article, status, controls, ehr) {
  if (!card.suggestions?.length) return null;
  return el('div', { class: 'suggestions' }, el('h4', {}, 'Suggestions'),
    el('ul', {}, card.suggestions.map((s) => {
      const accept = el('button', {
        type: 'button', class: 'accept', 'data-suggestion': s.uuid, 'aria-label': `Accept: ${s.label}`,
        onclick: () => {
          ehr.accept(s);
          send(article, status, controls, {
            card: card.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: s.uuid }],
            outcomeTimestamp: new Date().toISOString(),
          }, ehr, `Accepted: ${s.label}`);
        },
      }, 'Accept');
      controls.push(accept);
      const actions = (s.actions || []).map((a) => a.description).filter(Boolean).join('; ');
      return el('li', {}, el('span', { class: 'suggestion-label' }, s.label),
        actions ? el('span', { class: 'suggestion-actions' }, ` (${actions})`) : null, ' ', accept);
    })));
}

function override(card, article, status, controls, ehr) {
  const reasons = card.overrideReasons || [];
  const id = `override-${card.uuid}`;
  const select = el('select', { id, name: 'reason' },
    reasons.map((r, i) => el('option', { value: String(i) }, r.display || r.code)),
    el('option', { value: '' }, 'Other (say why below)'));
  const comment = el('input', { id: `${id}-comment`, type: 'text', name: 'comment', autocomplete: 'off' });
  const button = el('button', { type: 'submit', class: 'override' }, 'Override');
  controls.push(select, comment, button);
  const form = el('form', {
    class: 'override-form',
    onsubmit: (event) => {
      event.preventDefault();
      const reason = reasons[Number(select.value)];
      const text = comment.value.trim();
      if (!reason && !text) {
        status.textContent = 'Choose a reason or say why you override.';
        comment.focus();
        return;
      }
      const overrideReason = {
        ...(select.value !== '' && reason ? { reason: { system: reason.system, code: reason.code, display: reason.display } } : {}),
        ...(text ? { userComment: text } : {}),
      };
      send(article, status, controls, { card: card.uuid, outcome: 'overridden', overrideReason, outcomeTimestamp: new Date().toISOString() },
        ehr, `Overridden: ${overrideReason.reason?.display || text}`);
    },
  },
  el('label', { for: id }, 'Override reason'), select,
  el('label', { for: `${id}-comment` }, 'Comment (optional)'), comment, button);
  return el('details', { class: 'override-box' }, el('summary', {}, 'Override this card'), form);
}

function renderCard(card, ehr) {
  const indicator = card.indicator || 'info';
  const topic = card.source?.topic?.code || '';
  const article = el('article', {
    class: `card card--${indicator}`, 'data-topic': topic, 'data-indicator': indicator, 'data-uuid': card.uuid,
    'aria-label': `${LABELS[indicator] || indicator}: ${card.summary}`,
  });
  const status = feedbackStatus();
  const controls = [];
  const detail = el('div', { class: 'detail' });
  detail.innerHTML = renderMarkdown(card.detail || '');
  article.append(
    el('header', { class: 'card-header' }, indicatorBadge(indicator),
      topic ? el('span', { class: 'topic' }, card.source?.topic?.display || topic) : null),
    el('h4', { class: 'summary' }, card.summary),
    detail,
    source(card),
    suggestions(card, article, status, controls, ehr) || '',
    override(card, article, status, controls, ehr),
    status);
  return article;
}

/**
 * Renders {@code cards} in the service's order (most urgent first). {@code ehr.accept(suggestion)} applies an
 * accepted suggestion; {@code ehr.sendFeedback(item)} resolves to {ok, status, message}.
 */
export function renderCards(container, cards, ehr) {
  container.replaceChildren(...(cards.length
    ? cards.map((card) => renderCard(card, ehr))
    : [el('p', { class: 'no-cards' }, 'No cards: the service has nothing to say.')]));
}
