// The patient's chart as a clinician reads it: the skin findings with their components, temperatures, the
// platelet trend, conditions, medicines and CBC orders.

import { COMPONENT, celsius, codes, newestFirst, observations, plateletsPerNanolitre, resources, when } from './fhir.js';
import { ageInYears, dateTime, el, words } from './dom.js';

const COMPONENT_WORDS = {
  blanches: (c) => (c.valueBoolean ? 'blanches under pressure' : 'does not blanch'),
  spreading: (c) => (c.valueBoolean ? 'spreading' : 'not spreading'),
  onset: (c) => `onset ${dateTime(c.valueDateTime)}`,
  extent: (c) => words(value(c)),
  distribution: (c) => `on the ${words(value(c))}`,
  'max-diameter': (c) => `largest spot ${c.valueQuantity?.value} ${c.valueQuantity?.unit || 'mm'}`,
  'mechanical-trigger': (c) => `after ${words(value(c))}`,
  'mucosal-involvement': (c) => `spots in the ${words(value(c))}`,
  'associated-symptom': (c) => `with ${words(value(c))}`,
  'lesion-feature': (c) => `lesion ${words(value(c))}`,
};

function value(component) {
  return codes(component.valueCodeableConcept)[0] || component.valueCodeableConcept?.text;
}

export function conceptText(concept) {
  return concept?.text || concept?.coding?.find((c) => c.display)?.display || concept?.coding?.[0]?.code || 'uncoded';
}

export function patientLine(patient) {
  if (!patient) return 'no Patient resource';
  const name = patient.name?.[0];
  const shown = name ? [...(name.given || []), name.family].filter(Boolean).join(' ') : patient.id;
  const age = ageInYears(patient.birthDate);
  return `${shown}, ${age === undefined ? 'age unknown' : `${age} years`}, ${patient.gender || 'gender unknown'}`;
}

function findingText(observation) {
  const parts = (observation.component || []).map((c) => {
    const code = codes(c.code).find((x) => x in COMPONENT_WORDS);
    return code && c.code.coding.some((x) => x.system === COMPONENT) ? COMPONENT_WORDS[code](c) : conceptText(c.code);
  });
  return parts.length ? parts.join('; ') : 'no components recorded';
}

function statusNote(resource) {
  return ['final', 'active', undefined].includes(resource.status) ? '' : ` (${words(resource.status)})`;
}

function list(items, empty) {
  return items.length ? el('ul', {}, items.map((item) => el('li', {}, item))) : el('p', { class: 'none' }, empty);
}

function section(title, content) {
  return el('section', { class: 'data-block' }, el('h4', {}, title), content);
}

function findings(prefetch) {
  return list(newestFirst(observations(prefetch, 'skinFindings')).map((o) => [
    el('strong', {}, words(conceptText(o.code))), statusNote(o), `, ${dateTime(when(o))}: `, findingText(o)]),
  'No skin findings');
}

function temperatures(prefetch) {
  return list(newestFirst(observations(prefetch, 'temperatures')).map((o) => {
    const q = o.valueQuantity || {};
    const recorded = `${q.value} ${q.unit || q.code || ''}`.trim();
    const c = celsius(o);
    return `${dateTime(when(o))}: ${c} °C${c === q.value ? '' : ` (recorded as ${recorded})`}${statusNote(o)}`;
  }), 'No temperatures');
}

function platelets(prefetch) {
  const readings = newestFirst(observations(prefetch, 'plateletCounts')).reverse();
  if (!readings.length) return el('p', { class: 'none' }, 'No platelet counts');
  const trend = readings.map((o) => `${plateletsPerNanolitre(o)}`).join(' → ');
  return el('div', {},
    el('p', { class: 'trend' }, `Trend (oldest first), x10^9/L: ${trend}`),
    list(readings.map((o) => `${dateTime(when(o))}: ${plateletsPerNanolitre(o)} x10^9/L${statusNote(o)}`), ''));
}

function conditions(prefetch) {
  return list(resources(prefetch?.conditions).filter((r) => r.resourceType === 'Condition').map((c) =>
    `${conceptText(c.code)} (${codes(c.clinicalStatus).join(', ') || 'status unknown'}${
      codes(c.verificationStatus).length ? `, ${codes(c.verificationStatus).join(', ')}` : ''}), ${dateTime(when(c))}`),
  'No conditions');
}

function medicationName(resource, prefetch) {
  if (resource.medicationCodeableConcept) return conceptText(resource.medicationCodeableConcept);
  const reference = resource.medicationReference?.reference || '';
  const contained = (resource.contained || []).find((r) => `#${r.id}` === reference);
  const included = ['medicationStatements', 'medicationRequests'].flatMap((k) => resources(prefetch?.[k]))
    .find((r) => r.resourceType === 'Medication' && reference.endsWith(`Medication/${r.id}`));
  const medication = contained || included;
  return medication ? conceptText(medication.code) : resource.medicationReference?.display || reference || 'unnamed medicine';
}

function medicines(prefetch) {
  const statements = resources(prefetch?.medicationStatements).filter((r) => r.resourceType === 'MedicationStatement');
  const requests = resources(prefetch?.medicationRequests).filter((r) => r.resourceType === 'MedicationRequest');
  return list([...statements, ...requests].map((m) => {
    const dose = m.dosage?.[0]?.text || m.dosageInstruction?.[0]?.text;
    const kind = m.resourceType === 'MedicationRequest' ? 'prescribed' : 'taking';
    return `${medicationName(m, prefetch)}: ${kind}, ${words(m.status)}${dose ? `, ${dose}` : ''}`;
  }), 'No medicines');
}

function orders(prefetch) {
  return list(resources(prefetch?.cbcOrders).filter((r) => r.resourceType === 'ServiceRequest').map((o) =>
    `${conceptText(o.code)}: ${words(o.status)}, ${o.priority || 'routine'}, ordered ${dateTime(o.authoredOn)}`),
  'No CBC orders');
}

/** The whole chart, from a prefetch. */
export function renderChart(container, prefetch) {
  container.replaceChildren(
    section('Skin findings', findings(prefetch)),
    section('Temperatures', temperatures(prefetch)),
    section('Platelet counts', platelets(prefetch)),
    section('Conditions', conditions(prefetch)),
    section('Medicines', medicines(prefetch)),
    section('CBC orders', orders(prefetch)));
}
