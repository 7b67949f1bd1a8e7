// The EHR simulator: lists the shared scenarios' patients, shows a chart and lets a reviewer change the data, in
// two views: chart review fires patient-view; order entry keeps draft orders and fires order-select and order-sign
// (prefetch or fetch mode). It renders the cards; accepting or overriding sends real feedback, and an accepted
// suggestion changes the draft orders. /sandbox?scenario=<id> opens that patient in the view of its scenario's hook
// and fires that hook at load.

import { renderCards } from './cards.js';
import { patientLine, renderChart } from './chart.js';
import {
  discover, discoveryMessage, feedbackPath, newUuid, post, problem, servicePath,
} from './client.js';
import { el } from './dom.js';
import { editorChanges, showInEditor } from './editor.js';
import { applyEdits, editable, requestAsOfNow } from './fhir.js';
import {
  MEDICINES, afterSuggestion, draftBundle, draftMedication, draftsOf, medicineOptions, reference, renderDrafts,
} from './orders.js';

const $ = (id) => document.getElementById(id);
const ROOT = window.location.pathname.replace(/\/sandbox\/?$/, '');
const patients = [];
let current = null;
let calls = 0;
let services = {};
const session = { drafts: [], picked: new Set() };

/** The service the page calls on each hook; discovery gives its prefetch keys. */
const SERVICE_OF = {
  'patient-view': 'petechiae-triage',
  'order-select': 'antithrombotic-order-check-select',
  'order-sign': 'antithrombotic-order-check',
};

const OUTCOMES = {
  'emergency-evaluation': 'Emergency evaluation',
  'same-day-cbc': 'Same-day CBC',
  'check-blanching': 'Check blanching',
  'watchful-waiting': 'Watchful waiting',
  'dermatology-referral': 'Dermatology referral',
  'high-risk-order': 'High-risk order',
  'avoid-full-dose': 'Avoid full dose',
  'check-platelets-first': 'Check platelets first',
  'low-platelets-noted': 'Low platelets noted',
};

function expected(scenario) {
  const e = scenario.expect || {};
  if (e.status) return `HTTP ${e.status}`;
  return e.outcome ? `${OUTCOMES[e.outcome] || e.outcome} (${e.indicator})` : 'no card';
}

function patientButton(entry) {
  const { scenario, request } = entry;
  return el('li', {}, el('button', {
    type: 'button', class: 'patient', 'data-scenario': scenario.id,
    onclick: () => select(entry, false),
  },
  el('span', { class: 'patient-id' }, request.context?.patientId || scenario.id),
  el('span', { class: 'patient-title' }, scenario.title),
  el('span', { class: 'patient-expected' }, `Expected: ${expected(scenario)}`)));
}

function showExchange(result) {
  $('exchange-summary').textContent = `POST ${result.path}: ${result.failure ? `failed (${result.failure})`
    : `HTTP ${result.status}`} in ${result.ms} ms`;
  const headers = Object.entries(result.headers).map(([k, v]) => `${k}: ${v}`).join('\n');
  $('raw-request').textContent = `POST ${result.path}\n${headers}\n\n${JSON.stringify(result.request, null, 2)}`;
  $('raw-response').textContent = typeof result.response === 'string' ? result.response : JSON.stringify(result.response, null, 2);
}

async function sendFeedback(service, item) {
  const result = await post(feedbackPath(service), { feedback: [item] });
  $('feedback-log').append(el('li', {},
    el('p', {}, `${item.outcome} card ${item.card}: HTTP ${result.status || 'no answer'} in ${result.ms} ms`),
    el('pre', { tabindex: '0' }, JSON.stringify(result.request, null, 2))));
  return { ok: result.ok, status: result.status, message: result.failure || problem(result.response) };
}

function showView(view) {
  $(`view-${view}`).checked = true;
  $('chart-actions').hidden = view !== 'chart';
  $('order-entry').hidden = view !== 'orders';
  $('editor-submit').textContent = view === 'chart' ? 'Open chart with these data' : 'Sign orders with these data';
}

function setDrafts(drafts) {
  session.drafts = drafts;
  const present = new Set(drafts.map(reference));
  session.picked = new Set([...session.picked].filter((r) => present.has(r)));
  renderDrafts($('draft-orders'), drafts, session.picked, {
    onPick: (ref, ticked) => {
      if (ticked) session.picked.add(ref);
      else session.picked.delete(ref);
    },
    onRemove: (ref) => {
      setDrafts(session.drafts.filter((d) => reference(d) !== ref));
      $('order-medicine').focus(); // the button that had the focus is gone
    },
  });
}

function addOrder(event) {
  event.preventDefault();
  const typed = $('order-text').value.trim(); // a typed name wins over the list, so no typing is silently lost
  const medicine = typed ? { name: typed } : MEDICINES.find((m) => m.name === $('order-medicine').value);
  if (!medicine) {
    $('order-note').textContent = 'Type the name of the other medicine.';
    $('order-text').focus();
    return;
  }
  const draft = draftMedication(session.drafts, current.request.context.patientId, medicine);
  session.picked.add(reference(draft)); // just selected
  setDrafts([...session.drafts, draft]);
  $('order-text').value = '';
  $('order-note').textContent = `Added a draft order: ${medicine.name}.`;
}

/** The hook's context: the scenario's, with the session's draft orders (and the ticked ones) on the order hooks. */
function contextFor(hook) {
  const { draftOrders, selections, ...context } = current.request.context;
  if (hook === 'patient-view') return context;
  // Orders are signed within an encounter; the triage's scenarios name none.
  const ordering = {
    ...context, encounterId: context.encounterId || `enc-${context.patientId}`, draftOrders: draftBundle(session.drafts),
  };
  return hook === 'order-select'
    ? { ...ordering, selections: session.drafts.map(reference).filter((r) => session.picked.has(r)) }
    : ordering;
}

/** The chart as the service's prefetch: every key discovery declares, null ("no data") where the chart has none. */
function prefetchFor(service, chart) {
  return Object.fromEntries(Object.keys(services[service]?.prefetch || {}).map((key) => [key, chart[key] ?? null]));
}

function hookRequest(hook, chart) {
  const base = { hook, hookInstance: newUuid(), context: contextFor(hook) };
  if (document.querySelector('input[name="mode"]:checked').value === 'fetch') {
    return { ...base, fhirServer: $('fhir-server').value.trim() };
  }
  return { ...base, prefetch: prefetchFor(SERVICE_OF[hook], chart) };
}

async function call(hook) {
  const service = SERVICE_OF[hook];
  const changes = editorChanges();
  const chart = applyEdits(current.request.prefetch || {}, changes);
  renderChart($('patient-data'), chart);
  const edited = Object.keys(changes);
  $('edited-note').textContent = edited.length ? `Sent with your changes: ${edited.join(', ')}.` : '';
  const cards = $('cards');
  cards.dataset.state = 'loading';
  $('call-status').textContent = `Calling the service (${hook})…`;
  const result = await post(servicePath(service), hookRequest(hook, chart));
  showExchange(result);
  calls += 1;
  cards.dataset.calls = String(calls);
  if (result.ok && Array.isArray(result.response?.cards)) {
    const n = result.response.cards.length;
    renderCards(cards, result.response.cards, {
      sendFeedback: (item) => sendFeedback(service, item),
      accept: (suggestion) => setDrafts(afterSuggestion(session.drafts, suggestion)),
    });
    $('call-status').textContent = `${hook}: ${n} card${n === 1 ? '' : 's'} in ${result.ms} ms (HTTP ${result.status}).`;
    cards.dataset.state = 'done';
  } else {
    cards.replaceChildren(el('p', { class: 'call-error' },
      `The service answered HTTP ${result.status || 'nothing'}: ${result.failure || problem(result.response) || 'see the response below'}`));
    $('call-status').textContent = `HTTP ${result.status || 'no answer'} in ${result.ms} ms.`;
    cards.dataset.state = 'error';
  }
}

const currentView = () => document.querySelector('input[name="view"]:checked').value;

function select(entry, fire) {
  current = entry;
  document.querySelectorAll('button.patient').forEach((b) => {
    if (b.dataset.scenario === entry.scenario.id) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  });
  const { hook, context, prefetch } = entry.request;
  $('placeholder').hidden = true;
  $('patient').hidden = false;
  $('patient-name').textContent = `${patientLine(prefetch?.patient)} (Patient/${context?.patientId})`;
  $('patient-case').textContent = `${entry.scenario.title}. Expected on ${hook}: ${expected(entry.scenario)}.`;
  const link = `${ROOT}/sandbox?scenario=${encodeURIComponent(entry.scenario.id)}`;
  $('deep-link').href = link;
  $('deep-link').textContent = `${window.location.origin}${link}`;
  window.history.replaceState(null, '', link);
  renderChart($('patient-data'), prefetch);
  showInEditor(editable(prefetch));
  showView(hook === 'patient-view' ? 'chart' : 'orders');
  session.picked = new Set(context?.selections || []);
  setDrafts(draftsOf(context));
  $('order-note').textContent = '';
  $('edited-note').textContent = '';
  $('cards').replaceChildren(el('p', { class: 'none' }, 'Open the chart or sign the orders to call the service.'));
  delete $('cards').dataset.state;
  $('call-status').textContent = '';
  if (fire) call(hook);
}

function wire() {
  $('open-chart').addEventListener('click', () => call('patient-view'));
  $('sign-orders').addEventListener('click', () => call('order-sign'));
  $('select-orders').addEventListener('click', () => call('order-select'));
  $('add-order').addEventListener('submit', addOrder);
  $('order-medicine').replaceChildren(...medicineOptions());
  document.querySelectorAll('input[name="view"]').forEach((radio) => radio.addEventListener('change', () => showView(radio.value)));
  $('editor').addEventListener('submit', (event) => {
    event.preventDefault();
    call(currentView() === 'chart' ? 'patient-view' : 'order-sign');
  });
  $('reset-edits').addEventListener('click', () => select(current, false));
}

/** Says whether the service answered discovery (a failure is an alert, never silence) and keeps its services. */
async function checkDiscovery() {
  const result = await discover();
  const status = $('discovery-status');
  status.textContent = discoveryMessage(result);
  status.setAttribute('role', result.ok ? 'status' : 'alert');
  status.dataset.state = result.ok ? 'ok' : 'failed';
  services = result.byId;
  if (!result.ok) $('placeholder').textContent = 'The service\'s discovery failed (see above): prefetch cannot be built.';
}

async function start() {
  const discovered = checkDiscovery();
  const params = new URLSearchParams(window.location.search);
  if (params.get('fhirServer')) {
    $('fhir-server').value = params.get('fhirServer');
    $('mode-fetch').checked = true;
  }
  wire();
  await discovered;
  const answer = await fetch(`${ROOT}/sandbox/scenarios.json`);
  for (const scenario of await answer.json()) patients.push({ scenario, request: requestAsOfNow(scenario) });
  $('patient-list').replaceChildren(...patients.map(patientButton));
  const wanted = params.get('scenario');
  if (wanted) {
    const entry = patients.find((p) => p.scenario.id === wanted || p.request.context?.patientId === wanted);
    if (entry) select(entry, true);
    else $('placeholder').textContent = `There is no scenario '${wanted}'. Choose a patient.`;
  }
  document.body.dataset.ready = 'true';
}

start();
