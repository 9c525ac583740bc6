/**
 * A small "browser" over app.inject for form flows: keeps cookies per host, reads the
 * CSRF token of the last form it fetched, and submits url-encoded forms with it.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class FormClient {
  readonly app: FastifyInstance;
  host: string;
  ip: string;
  readonly cookies = new Map<string, string>();
  lastCsrf = '';

  constructor(app: FastifyInstance, host = 'localhost', ip = '127.0.0.1') {
    this.app = app;
    this.host = host;
    this.ip = ip;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  #remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.lastCsrf = m[1]!;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, remoteAddress: this.ip, headers: { host: this.host, cookie: this.cookieHeader(), ...headers } });
    this.#remember(res);
    return res;
  }

  /**
   * Posts a form; `_csrf` is the last token seen unless given (pass '' to send none). A list
   * sends the field once per value (check boxes, multiple selects).
   */
  async post(url: string, fields: Record<string, string | readonly string[]>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    if (fields._csrf === undefined) body.append('_csrf', this.lastCsrf);
    for (const [key, value] of Object.entries(fields)) {
      if (key === '_csrf' && value === '') continue;
      for (const v of typeof value === 'string' ? [value] : value) body.append(key, v);
    }
    const res = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      payload: body.toString(),
      headers: { host: this.host, cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
    this.#remember(res);
    return res;
  }
}
