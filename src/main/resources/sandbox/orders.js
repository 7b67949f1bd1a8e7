// The order session: the draft orders a clinician is about to sign, as the EHR holds them and sends them in
// context.draftOrders. A draft MedicationRequest is one of a short list of antithrombotics and NSAIDs or free text;
// an accepted card suggestion removes a draft (delete) or adds one (create).

import { conceptText } from './chart.js';
import { el, words } from './dom.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/** RxNorm ingredient codes as in fhir-profiles/ValueSet-<drug class>.json. */
export const MEDICINES = [
  ['warfarin', '11289'], // vitamin-k-antagonists
  ['apixaban', '1364430'], ['rivaroxaban', '1114195'], // factor-xa-inhibitors
  ['enoxaparin', '67108'], ['heparin', '5224'], // heparins
  ['aspirin', '1191'], ['clopidogrel', '32968'], // antiplatelets
  ['ibuprofen', '5640'], ['naproxen', '7258'], ['ketorolac', '35827'], // nsaids
].map(([name, code]) => ({ name, code }));

export const reference = (resource) => `${resource.resourceType}/${resource.id}`;

/** The draft orders of a scenario's context, or none. */
export function draftsOf(context) {
  return (context?.draftOrders?.entry || []).map((e) => e.resource).filter(Boolean);
}

export function orderName(resource) {
  return conceptText(resource.medicationCodeableConcept || resource.code);
}

// Readable and unique in the session, so that a delete's resourceId names one draft; a FHIR id has at most 64 chars.
function freshId(drafts, name) {
  const stem = `draft-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'order'}`;
  let id = stem;
  for (let n = 2; drafts.some((d) => d.id === id); n += 1) id = `${stem}-${n}`;
  return id;
}

/** A draft MedicationRequest for the patient: RxNorm-coded when {@code medicine} has a code, free text otherwise. */
export function draftMedication(drafts, patientId, medicine, now = new Date().toISOString()) {
  return {
    resourceType: 'MedicationRequest', id: freshId(drafts, medicine.name), status: 'draft', intent: 'order',
    subject: { reference: `Patient/${patientId}` }, authoredOn: now,
    medicationCodeableConcept: medicine.code
      ? { coding: [{ system: RXNORM, code: medicine.code, display: medicine.name }] }
      : { text: medicine.name },
  };
}

/** context.draftOrders: every draft order of the session. */
export function draftBundle(drafts) {
  return { resourceType: 'Bundle', type: 'collection', entry: drafts.map((resource) => ({ resource })) };
}

/** The drafts once {@code suggestion} is accepted: a delete removes its resourceId, a create adds its resource. */
export function afterSuggestion(drafts, suggestion) {
  let next = [...drafts];
  for (const action of suggestion.actions || []) {
    if (action.type === 'delete') next = next.filter((d) => reference(d) !== action.resourceId);
    if (action.type === 'create' && action.resource) {
      next.push({ ...action.resource, id: action.resource.id || freshId(next, orderName(action.resource)) });
    }
  }
  return next;
}

function orderLine(resource) {
  const kind = resource.resourceType === 'MedicationRequest' ? 'medicine' : `${resource.priority || 'routine'} order`;
  return `${kind}, ${words(resource.status)} (${reference(resource)})`;
}

/**
 * The draft list: per order a tick box ("just selected": what order-select checks) and a Remove button;
 * {@code onPick(reference, ticked)} and {@code onRemove(reference)} report them.
 */
export function renderDrafts(container, drafts, picked, { onPick, onRemove }) {
  container.replaceChildren(...(drafts.length ? drafts.map((draft, i) => {
    const ref = reference(draft);
    const name = orderName(draft);
    return el('li', { 'data-reference': ref },
      el('input', { type: 'checkbox', id: `pick-${i}`, checked: picked.has(ref), onchange: (e) => onPick(ref, e.target.checked) }),
      el('label', { for: `pick-${i}` }, el('strong', {}, name), `: ${orderLine(draft)}`),
      el('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${name}`, onclick: () => onRemove(ref) }, 'Remove'));
  }) : [el('li', { class: 'none' }, 'No draft orders.')]));
}

/** The medicine picker's options: the list, then free text. */
export function medicineOptions() {
  return [...MEDICINES.map((m) => el('option', { value: m.name }, `${m.name} (RxNorm ${m.code})`)),
    el('option', { value: '' }, 'Other (type its name)')];
}
