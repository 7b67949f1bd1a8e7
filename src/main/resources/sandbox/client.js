// Calls the service as a CDS client does: discovery, then JSON over POST, each call signed with a fresh short-lived token of the
// page's built-in client (minted by the server, which keeps the key), and timed.

const ROOT = window.location.pathname.replace(/\/sandbox\/?$/, '');
const DISCOVERY_PATH = '/cds-services';

export const servicePath = (id) => `${DISCOVERY_PATH}/${id}`;
export const feedbackPath = (id) => `${servicePath(id)}/feedback`;

async function token(path) {
  try {
    const answer = await fetch(`${ROOT}/sandbox/token?path=${encodeURIComponent(path)}`, { method: 'POST' });
    return answer.ok ? await answer.json() : null;
  } catch {
    return null;
  }
}

async function headersFor(path) {
  const signed = await token(path);
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (signed) headers.Authorization = `Bearer ${signed.token}`;
  return { signed, headers };
}

/** The services of the discovery document by id, each with its hook and prefetch templates. */
export async function discover() {
  const { headers } = await headersFor(DISCOVERY_PATH);
  const answer = await fetch(`${ROOT}${DISCOVERY_PATH}`, { headers });
  if (!answer.ok) throw new Error(`discovery answered HTTP ${answer.status}`);
  return Object.fromEntries(((await answer.json()).services || []).map((s) => [s.id, s]));
}

/** Posts {@code body} to {@code path}; resolves to what an integrator wants to see of the exchange. */
export async function post(path, body) {
  const { signed, headers } = await headersFor(path);
  const started = performance.now();
  let status = 0;
  let response = null;
  let failure = null;
  try {
    const answer = await fetch(`${ROOT}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    status = answer.status;
    const text = await answer.text();
    try {
      response = text ? JSON.parse(text) : null;
    } catch {
      response = text;
    }
  } catch (e) {
    failure = e.message;
  }
  const shownHeaders = { ...headers };
  if (signed) shownHeaders.Authorization = `Bearer ${signed.token.slice(0, 24)}… (ES384, iss ${signed.issuer}, expires in ${signed.expiresIn} s)`;
  return {
    path, status, ok: status >= 200 && status < 300, response, failure, headers: shownHeaders, request: body,
    ms: Math.round(performance.now() - started),
  };
}

export function newUuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The words of an OperationOutcome, for a status line. */
export function problem(response) {
  if (response?.resourceType === 'OperationOutcome') {
    return (response.issue || []).map((i) => i.diagnostics || i.details?.text || i.code).join('; ');
  }
  return typeof response === 'string' ? response.slice(0, 200) : '';
}
