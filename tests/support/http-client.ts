import { startSession } from "~/domain/auth/lucia.server";

/** A small browser-like client: keeps cookies, sends forms with the Origin a browser would send. */
export class TestClient {
  cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}) {
    const response = await fetch(new URL(path, this.baseUrl), {
      redirect: "manual",
      ...init,
      headers: { ...this.headers, cookie: this.cookieHeader(), ...(init.headers as Record<string, string>) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  /** Posts like a form without JavaScript; `?index` and `_data` are not needed for plain routes. */
  post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    return this.request(path, {
      method: "POST",
      body: formBody(fields),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.baseUrl, ...headers },
    });
  }
}

/** Fields as a browser form sends them: one `name=value` pair per item of a list. */
export function formBody(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  return body;
}

export const uniqueEmail = (label = "person") => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.nl`;

/** A client signed in as a person through a real session, without the sign-in form. */
export async function clientFor(baseUrl: string, userId: string, headers: Record<string, string> = {}) {
  const client = new TestClient(baseUrl, headers);
  const [pair] = (await startSession(userId)).split(";");
  const index = pair.indexOf("=");
  client.cookies.set(pair.slice(0, index), pair.slice(index + 1));
  return client;
}
