// Builds DOM nodes. Text is always set as text, never parsed as HTML.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function words(code) {
  return String(code ?? '').replace(/-/g, ' ');
}

/** "27 Nov 2026, 10:29" in the browser's time zone; a date alone as "27 Nov 2026". */
export function dateTime(value) {
  if (!value) return 'no date';
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  const options = value.length === 10 ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat('en-GB', options).format(date);
}

export function ageInYears(birthDate) {
  if (!birthDate) return undefined;
  const born = new Date(birthDate);
  const now = new Date();
  let age = now.getFullYear() - born.getFullYear();
  if (now.getMonth() < born.getMonth() || (now.getMonth() === born.getMonth() && now.getDate() < born.getDate())) age -= 1;
  return age;
}
