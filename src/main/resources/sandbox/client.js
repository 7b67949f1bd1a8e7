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

/**
 * One HTTP exchange: {status, response, failure}, the response parsed as JSON where it is, its text otherwise; status 0
 * with the reason when the fetch itself failed.
 */
async function exchange(url, init) {
  try {
    const answer = await fetch(url, init);
    const text = await answer.text();
    try {
      return { status: answer.status, response: text ? JSON.parse(text) : null, failure: null };
    } catch {
      return { status: answer.status, response: text, failure: null };
    }
  } catch (e) {
    return { status: 0, response: null, failure: e.message };
  }
}

/**
 * GET discovery ({@code base}/cds-services), signed like every call when it is this service's; resolves to
 * {ok, status, url, services, byId, failure}: {@code services} the ids, {@code byId} each service with its hook and
 * prefetch templates. A fetch that throws (status 0) is a network failure or a CORS refusal: the browser does not tell
 * the page which.
 */
export async function discover(base = ROOT) {
  const url = new URL(`${base}${DISCOVERY_PATH}`, window.location.href).href;
  const headers = base === ROOT ? (await headersFor(DISCOVERY_PATH)).headers : { Accept: 'application/json' };
  const { status, response, failure } = await exchange(url, { headers });
  const listed = Array.isArray(response?.services) ? response.services : [];
  const byId = Object.fromEntries(listed.map((s) => [s.id, s]));
  const services = Object.keys(byId);
  return { ok: status === 200 && services.length > 0, status, url, services, byId, failure, response };
}

/**
 * What the page says about discovery. When it failed, it says so plainly: a client that shows "no cards" when it could
 * not reach the service gives a false all-clear.
 */
export function discoveryMessage(result) {
  if (result.ok) {
    return `Service reached: GET ${result.url} answered HTTP 200 with ${result.services.length} service`
      + `${result.services.length === 1 ? '' : 's'} (${result.services.join(', ')}).`;
  }
  const warning = 'Until it is fixed, no cards here does not mean no concern.';
  if (result.status === 0) {
    return `Discovery failed: no answer from ${result.url} (${result.failure || 'network error'}). The service is`
      + ' down or unreachable, or the browser refused to let this page read its answer (a CORS refusal looks the'
      + ` same from here; the browser console says which). ${warning}`;
  }
  if (result.status === 401 || result.status === 403) {
    return `Discovery failed: GET ${result.url} answered HTTP ${result.status}: the service refused this client's`
      + ' token (its log says why: issuer, audience, key, lifetime...). Every hook call will be refused the same way.'
      + ` ${warning}`;
  }
  if (result.status === 200) {
    return `Discovery failed: GET ${result.url} answered HTTP 200 but lists no service. ${warning}`;
  }
  return `Discovery failed: GET ${result.url} answered HTTP ${result.status}`
    + `${problem(result.response) ? `: ${problem(result.response)}` : ''}. ${warning}`;
}

/** Posts {@code body} to {@code path}; resolves to what an integrator wants to see of the exchange. */
export async function post(path, body) {
  const { signed, headers } = await headersFor(path);
  const started = performance.now();
  const { status, response, failure } = await exchange(`${ROOT}${path}`, {
    method: 'POST', headers, body: JSON.stringify(body),
  });
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
