import { t } from './i18n';

/**
 * A tiny history-API router: patterns like `/instances/:instanceId`, parameters
 * URL-decoded (instance ids contain "/", so links encode them as one segment), and
 * in-app links marked `data-link`. A page renders into the main element and may return a
 * cleanup function, called before the next page renders.
 */
export type Params = Record<string, string>;
export type Cleanup = () => void;
export interface PageContext {
  params: Params;
  query: URLSearchParams;
  navigate: (path: string, opts?: { replace?: boolean }) => void;
}
export type Page = (root: HTMLElement, ctx: PageContext) => Cleanup | void | Promise<Cleanup | void>;

interface Route {
  pattern: RegExp;
  keys: string[];
  page: () => Promise<Page>;
  title: () => string;
  public?: boolean;
}

export class Router {
  private readonly routes: Route[] = [];
  private cleanup: Cleanup | undefined;
  private renderId = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly guard: (path: string, route: { public?: boolean }) => string | undefined,
    private readonly afterRender: (path: string, title: string) => void,
  ) {}

  add(path: string, title: () => string, page: () => Promise<Page>, opts: { public?: boolean } = {}): this {
    const keys: string[] = [];
    const source = path.replace(/:(\w+)/g, (_, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    this.routes.push({ pattern: new RegExp(`^${source}/?$`), keys, page, title, public: opts.public });
    return this;
  }

  start(): void {
    window.addEventListener('popstate', () => void this.render());
    document.addEventListener('click', (event) => {
      const a = (event.target as Element | null)?.closest?.('a[data-link]') as HTMLAnchorElement | null;
      if (
        !a ||
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      event.preventDefault();
      this.navigate(a.getAttribute('href') ?? '/');
    });
    void this.render();
  }

  navigate = (path: string, opts: { replace?: boolean } = {}): void => {
    if (opts.replace) history.replaceState(null, '', path);
    else if (path !== location.pathname + location.search) history.pushState(null, '', path);
    void this.render();
  };

  /** Renders the current page again (after a language switch). */
  rerender = (): void => {
    void this.render();
  };

  private async render(): Promise<void> {
    const id = ++this.renderId;
    const path = location.pathname;
    const match = this.match(path);
    const redirect = this.guard(path, match?.route ?? {});
    if (redirect && redirect !== path + location.search) {
      this.navigate(redirect, { replace: true });
      return;
    }
    this.cleanup?.();
    this.cleanup = undefined;
    // Each page gets its own host element: a page still loading when the user moves on
    // writes into a detached element, never into the next page.
    const host = document.createElement('div');
    host.className = 'page';
    this.root.replaceChildren(host);
    const title = match ? match.route.title() : t('titles.notFound');
    const page = match ? await match.route.page() : (await import('./pages/not-found')).default;
    if (id !== this.renderId) return;
    this.afterRender(path, title);
    const cleanup = await page(host, {
      params: match?.params ?? {},
      query: new URLSearchParams(location.search),
      navigate: this.navigate,
    });
    if (id !== this.renderId) {
      cleanup?.();
      return;
    }
    this.cleanup = cleanup ?? undefined;
  }

  private match(path: string): { route: Route; params: Params } | undefined {
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      const params: Params = {};
      route.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1])));
      return { route, params };
    }
    return undefined;
  }
}
