// The EHR simulator: lists the shared scenarios' patients, shows a chart, lets a reviewer change the data, fires
// patient-view (prefetch or fetch mode) and renders the cards; accepting or overriding sends real feedback.
// /sandbox?scenario=<id> opens that patient and fires the hook at load.

import { renderCards } from './cards.js';
import { patientLine, renderChart } from './chart.js';
import {
  FEEDBACK_PATH, SERVICE_PATH, discover, discoveryMessage, newUuid, post, problem,
} from './client.js';
import { el } from './dom.js';
import { editorChanges, showInEditor } from './editor.js';
import { applyEdits, editable, requestAsOfNow } from './fhir.js';

const $ = (id) => document.getElementById(id);
const ROOT = window.location.pathname.replace(/\/sandbox\/?$/, '');
const patients = [];
let current = null;
let calls = 0;

const OUTCOMES = {
  'emergency-evaluation': 'Emergency evaluation',
  'same-day-cbc': 'Same-day CBC',
  'check-blanching': 'Check blanching',
  'watchful-waiting': 'Watchful waiting',
  'dermatology-referral': 'Dermatology referral',
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

async function sendFeedback(item) {
  const result = await post(FEEDBACK_PATH, { feedback: [item] });
  $('feedback-log').append(el('li', {},
    el('p', {}, `${item.outcome} card ${item.card}: HTTP ${result.status || 'no answer'} in ${result.ms} ms`),
    el('pre', { tabindex: '0' }, JSON.stringify(result.request, null, 2))));
  return { ok: result.ok, status: result.status, message: result.failure || problem(result.response) };
}

function hookRequest(prefetch) {
  const base = { hook: 'patient-view', hookInstance: newUuid(), context: current.request.context };
  if (document.querySelector('input[name="mode"]:checked').value === 'fetch') {
    return { ...base, fhirServer: $('fhir-server').value.trim() };
  }
  return { ...base, prefetch };
}

async function openChart() {
  const changes = editorChanges();
  const prefetch = applyEdits(current.request.prefetch || {}, changes);
  renderChart($('patient-data'), prefetch);
  const edited = Object.keys(changes);
  $('edited-note').textContent = edited.length ? `Sent with your changes: ${edited.join(', ')}.` : '';
  const cards = $('cards');
  cards.dataset.state = 'loading';
  $('call-status').textContent = 'Calling the service…';
  const result = await post(SERVICE_PATH, hookRequest(prefetch));
  showExchange(result);
  calls += 1;
  cards.dataset.calls = String(calls);
  if (result.ok && Array.isArray(result.response?.cards)) {
    const n = result.response.cards.length;
    renderCards(cards, result.response.cards, sendFeedback);
    $('call-status').textContent = `${n} card${n === 1 ? '' : 's'} in ${result.ms} ms (HTTP ${result.status}).`;
    cards.dataset.state = 'done';
  } else {
    cards.replaceChildren(el('p', { class: 'call-error' },
      `The service answered HTTP ${result.status || 'nothing'}: ${result.failure || problem(result.response) || 'see the response below'}`));
    $('call-status').textContent = `HTTP ${result.status || 'no answer'} in ${result.ms} ms.`;
    cards.dataset.state = 'error';
  }
}

function select(entry, fire) {
  current = entry;
  document.querySelectorAll('button.patient').forEach((b) => {
    if (b.dataset.scenario === entry.scenario.id) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  });
  $('placeholder').hidden = true;
  $('patient').hidden = false;
  $('patient-name').textContent = `${patientLine(entry.request.prefetch?.patient)} (Patient/${entry.request.context?.patientId})`;
  $('patient-case').textContent = `${entry.scenario.title}. Expected: ${expected(entry.scenario)}.`;
  const link = `${ROOT}/sandbox?scenario=${encodeURIComponent(entry.scenario.id)}`;
  $('deep-link').href = link;
  $('deep-link').textContent = `${window.location.origin}${link}`;
  window.history.replaceState(null, '', link);
  renderChart($('patient-data'), entry.request.prefetch);
  showInEditor(editable(entry.request.prefetch));
  $('edited-note').textContent = '';
  $('cards').replaceChildren(el('p', { class: 'none' }, 'Open the chart to call the service.'));
  delete $('cards').dataset.state;
  $('call-status').textContent = '';
  if (fire) openChart();
}

/** Says whether the service answered discovery; a failure is an alert, never silence. */
async function checkDiscovery() {
  const result = await discover();
  const status = $('discovery-status');
  status.textContent = discoveryMessage(result);
  status.setAttribute('role', result.ok ? 'status' : 'alert');
  status.dataset.state = result.ok ? 'ok' : 'failed';
}

async function start() {
  checkDiscovery();
  const params = new URLSearchParams(window.location.search);
  if (params.get('fhirServer')) {
    $('fhir-server').value = params.get('fhirServer');
    $('mode-fetch').checked = true;
  }
  $('open-chart').addEventListener('click', openChart);
  $('editor').addEventListener('submit', (event) => { event.preventDefault(); openChart(); });
  $('reset-edits').addEventListener('click', () => select(current, false));
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
