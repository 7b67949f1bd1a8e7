// Reading and changing the FHIR data of a scenario's prefetch: dates shifted to today, the resources of a key,
// the latest skin finding and its components, the latest temperature and platelet count.

export const COMPONENT = 'https://pinpoint-cds.org/fhir/CodeSystem/skin-finding-component';
const SKIN_FINDING = 'https://pinpoint-cds.org/fhir/CodeSystem/skin-finding';
const UCUM = 'http://unitsofmeasure.org';
const NOT_COUNTED = ['entered-in-error', 'cancelled'];
const PLATELET_UNITS_PER_THOUSAND = ['/uL', '/mm3'];

// Exactly the rule of shared/tools/run-scenarios.mjs: every date and date-time moves by the same amount; a date is
// read at 12:00 UTC and cut back to its date; a date-time is written in UTC with Z.
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
export function shift(node, ms) {
  if (Array.isArray(node)) return node.map((n) => shift(n, ms));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, shift(v, ms)]));
  if (typeof node === 'string' && ISO.test(node)) {
    const d = new Date(Date.parse(node.length === 10 ? node + 'T12:00:00Z' : node) + ms);
    return node.length === 10 ? d.toISOString().slice(0, 10) : d.toISOString().replace('.000Z', 'Z');
  }
  return node;
}

/** The scenario's request as if it were sent now. */
export function requestAsOfNow(scenario) {
  return shift(scenario.request, Date.now() - Date.parse(scenario.asOf));
}

/** The resources a prefetch value holds: a Bundle's entries, a single resource, or nothing. */
export function resources(value) {
  if (!value || typeof value !== 'object') return [];
  if (value.resourceType === 'Bundle') return (value.entry || []).map((e) => e.resource).filter(Boolean);
  return [value];
}

export function when(resource) {
  return resource.effectiveDateTime || resource.effectivePeriod?.start || resource.authoredOn
    || resource.recordedDate || resource.onsetDateTime || resource.effectiveInstant || resource.issued || '';
}

export const newestFirst = (list) => [...list].sort((a, b) => Date.parse(when(b) || 0) - Date.parse(when(a) || 0));

export function codes(concept) {
  return (concept?.coding || []).map((c) => c.code);
}

function hasCode(concept, code) {
  return codes(concept).includes(code);
}

export function components(observation, code) {
  return (observation.component || []).filter((c) => hasCode(c.code, code));
}

function componentValue(observation, code) {
  const c = components(observation, code)[0];
  if (!c) return undefined;
  if ('valueBoolean' in c) return c.valueBoolean;
  if (c.valueQuantity) return c.valueQuantity.value;
  return codes(c.valueCodeableConcept)[0];
}

export function observations(prefetch, key) {
  return resources(prefetch?.[key]).filter((r) => r.resourceType === 'Observation');
}

export function latestFinding(prefetch) {
  return newestFirst(observations(prefetch, 'skinFindings').filter((o) => !NOT_COUNTED.includes(o.status)))[0];
}

/** Body temperature in °C, whatever unit it was recorded in. */
export function celsius(observation) {
  const q = observation.valueQuantity || {};
  const fahrenheit = q.code === '[degF]' || /F/.test(q.unit || '');
  return q.value === undefined ? undefined : fahrenheit ? Math.round(((q.value - 32) * 50) / 9) / 10 : q.value;
}

/** Platelet count in x10^9/L. */
export function plateletsPerNanolitre(observation) {
  const q = observation.valueQuantity || {};
  if (q.value === undefined) return undefined;
  return PLATELET_UNITS_PER_THOUSAND.includes(q.code || q.unit) ? q.value / 1000 : q.value;
}

export function latestTemperature(prefetch) {
  return newestFirst(observations(prefetch, 'temperatures').filter((o) => !NOT_COUNTED.includes(o.status)))[0];
}

export function latestPlatelets(prefetch) {
  return newestFirst(observations(prefetch, 'plateletCounts')
    .filter((o) => ['final', 'amended', 'corrected'].includes(o.status)))[0];
}

/** What the editor shows: the latest finding's components, the latest temperature and platelet count. */
export function editable(prefetch) {
  const finding = latestFinding(prefetch);
  const temperature = latestTemperature(prefetch);
  const platelets = latestPlatelets(prefetch);
  return {
    hasFinding: Boolean(finding),
    blanches: finding ? componentValue(finding, 'blanches') : undefined,
    spreading: finding ? componentValue(finding, 'spreading') === true : false,
    extent: finding ? componentValue(finding, 'extent') : undefined,
    trigger: finding ? componentValue(finding, 'mechanical-trigger') : undefined,
    symptoms: finding ? components(finding, 'associated-symptom').flatMap((c) => codes(c.valueCodeableConcept)) : [],
    size: finding ? componentValue(finding, 'max-diameter') : undefined,
    temperature: temperature ? celsius(temperature) : undefined,
    platelets: platelets ? plateletsPerNanolitre(platelets) : undefined,
  };
}

const coding = (code) => ({ coding: [{ system: COMPONENT, code }] });

function component(code, value) {
  if (typeof value === 'boolean') return { code: coding(code), valueBoolean: value };
  if (typeof value === 'number') return { code: coding(code), valueQuantity: { value, unit: 'mm', system: UCUM, code: 'mm' } };
  return { code: coding(code), valueCodeableConcept: coding(value) };
}

function setComponents(observation, code, values) {
  observation.component = (observation.component || []).filter((c) => !hasCode(c.code, code));
  for (const value of values) observation.component.push(component(code, value));
}

function bundleOf(prefetch, key) {
  if (prefetch[key]?.resourceType !== 'Bundle') {
    prefetch[key] = { resourceType: 'Bundle', type: 'searchset', entry: resources(prefetch[key]).map((resource) => ({ resource })) };
  }
  prefetch[key].entry = prefetch[key].entry || [];
  return prefetch[key];
}

function added(prefetch, key, resource) {
  bundleOf(prefetch, key).entry.push({ fullUrl: `urn:uuid:${resource.id}`, resource });
  return resource;
}

function observation(prefetch, key, id, category, code) {
  return added(prefetch, key, {
    resourceType: 'Observation', id, status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: category }] }],
    code, subject: { reference: `Patient/${prefetch.patient?.id || 'unknown'}` },
  });
}

const FIELDS = {
  blanches: (o, v) => setComponents(o, 'blanches', v === undefined ? [] : [v]),
  spreading: (o, v) => setComponents(o, 'spreading', [v]),
  extent: (o, v) => setComponents(o, 'extent', v ? [v] : []),
  trigger: (o, v) => setComponents(o, 'mechanical-trigger', v ? [v] : []),
  symptoms: (o, v) => setComponents(o, 'associated-symptom', v),
  size: (o, v) => setComponents(o, 'max-diameter', v === undefined ? [] : [v]),
};

/**
 * Applies the editor's changes (only the fields in {@code changes}) to a copy of the prefetch. A changed finding
 * edits the latest skin finding (or adds a petechiae finding observed now, if there is none); a changed temperature
 * or platelet count is a new reading taken now.
 */
export function applyEdits(prefetch, changes, now = new Date().toISOString()) {
  const copy = structuredClone(prefetch);
  const findingFields = Object.keys(changes).filter((f) => f in FIELDS);
  if (findingFields.length) {
    const finding = latestFinding(copy) || Object.assign(
      observation(copy, 'skinFindings', 'sandbox-finding', 'exam', { coding: [{ system: SKIN_FINDING, code: 'petechiae', display: 'petechiae' }] }),
      { effectiveDateTime: now, component: [] });
    for (const field of findingFields) FIELDS[field](finding, changes[field]);
  }
  if (changes.temperature !== undefined) {
    Object.assign(observation(copy, 'temperatures', 'sandbox-temperature', 'vital-signs',
      { coding: [{ system: 'http://loinc.org', code: '8310-5', display: 'Body temperature' }] }),
    { effectiveDateTime: now, valueQuantity: { value: changes.temperature, unit: '°C', system: UCUM, code: 'Cel' } });
  }
  if (changes.platelets !== undefined) {
    Object.assign(observation(copy, 'plateletCounts', 'sandbox-platelets', 'laboratory',
      { coding: [{ system: 'http://loinc.org', code: '777-3', display: 'Platelets [#/volume] in Blood by Automated count' }] }),
    { effectiveDateTime: now, issued: now, valueQuantity: { value: changes.platelets, unit: '10*9/L', system: UCUM, code: '10*9/L' } });
  }
  return copy;
}
