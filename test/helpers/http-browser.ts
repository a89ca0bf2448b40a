/**
 * A browser reduced to what a redirect sign-in needs: it follows redirects by hand, keeps
 * cookies per host (name=value only; enough for servers on 127.0.0.1 ports) and submits a
 * page's first form with the fields given. Plain HTTP, no JavaScript.
 */
export class HttpBrowser {
  readonly cookies = new Map<string, Map<string, string>>();
  /** Every URL visited, in order, redirects included. */
  readonly visited: string[] = [];

  cookieHeader(url: string): string {
    const jar = this.cookies.get(new URL(url).host);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }

  private keep(url: string, res: Response) {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(host, jar);
  }

  /** Requests `url` and follows redirects; returns the last response and its URL. */
  async go(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ url: string; res: Response; body: string }> {
    let current = url;
    let method = init.method ?? 'GET';
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    for (let hop = 0; hop < 20; hop++) {
      this.visited.push(current);
      const headers: Record<string, string> = { cookie: this.cookieHeader(current) };
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const res = await fetch(current, { method, headers, body, redirect: 'manual' });
      this.keep(current, res);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.arrayBuffer();
        current = new URL(location, current).href;
        method = 'GET';
        body = undefined;
        continue;
      }
      return { url: current, res, body: await res.text() };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Submits the page's first form (its action, method POST) with `fields` and its hidden inputs. */
  async submit(page: { url: string; body: string }, fields: Record<string, string>) {
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(page.body);
    if (!form) throw new Error(`no form at ${page.url}:\n${page.body.slice(0, 500)}`);
    const hidden = Object.fromEntries([...form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    return this.go(new URL(form[1]!.replace(/&amp;/g, '&'), page.url).href, { method: 'POST', form: { ...hidden, ...fields } });
  }
}
