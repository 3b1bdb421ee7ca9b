// Plain HTTP calls to the API under benchmark (set-up and probes; the load itself is autocannon's).

export async function http(base, method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  return { status: response.status, body: parsed };
}

export async function login(base, email, password) {
  const result = await http(base, 'POST', '/api/auth/login', { body: { email, password } });
  if (result.status !== 200)
    throw new Error(`login as ${email} failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body.accessToken;
}
