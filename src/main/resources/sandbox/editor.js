// The "what if" editor: shows the latest finding's components and the latest temperature and platelet count, and
// tells which of them the reviewer changed.

const form = () => document.getElementById('editor');
const field = (id) => document.getElementById(id);
const optionalNumber = (input) => (input.value.trim() === '' ? undefined : Number(input.value));
const optionalChoice = (select) => (select.value === '' ? undefined : select.value);
const sameSet = (a, b) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

let original = null;

function symptomBoxes() {
  return [...form().querySelectorAll('input[name="symptom"]')];
}

/** Shows {@code state} (from fhir.js editable()) and remembers it as the unedited data. */
export function showInEditor(state) {
  original = state;
  field('edit-blanches').value = state.blanches === undefined ? '' : String(state.blanches);
  field('edit-spreading').checked = state.spreading;
  field('edit-extent').value = state.extent || '';
  field('edit-trigger').value = state.trigger || '';
  symptomBoxes().forEach((box) => { box.checked = state.symptoms.includes(box.value); });
  field('edit-size').value = state.size ?? '';
  field('edit-temperature').value = state.temperature ?? '';
  field('edit-platelets').value = state.platelets ?? '';
  field('finding-note').textContent = state.hasFinding
    ? 'Changes edit the latest skin finding.'
    : 'There is no current skin finding: changes add a petechiae finding observed now.';
}

/** The fields the reviewer changed, with their new values; a new temperature or platelet count is dated now. */
export function editorChanges() {
  if (!original) return {};
  const now = {
    blanches: optionalChoice(field('edit-blanches')) === undefined ? undefined : field('edit-blanches').value === 'true',
    spreading: field('edit-spreading').checked,
    extent: optionalChoice(field('edit-extent')),
    trigger: optionalChoice(field('edit-trigger')),
    symptoms: symptomBoxes().filter((box) => box.checked).map((box) => box.value),
    size: optionalNumber(field('edit-size')),
    temperature: optionalNumber(field('edit-temperature')),
    platelets: optionalNumber(field('edit-platelets')),
  };
  const changes = {};
  for (const [name, value] of Object.entries(now)) {
    const changed = Array.isArray(value) ? !sameSet(value, original[name]) : value !== original[name];
    const removesAReading = (name === 'temperature' || name === 'platelets') && value === undefined;
    if (changed && !removesAReading && !Number.isNaN(value)) changes[name] = value;
  }
  return changes;
}
