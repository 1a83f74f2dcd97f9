import { shallowRef, type App, type ShallowRef } from 'vue';
import { matchPath } from '../router/matcher';
import { homePath, routes, type RouteDef } from '../router/routes';

export interface CurrentRoute {
  def: RouteDef | undefined;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
}

/**
 * A deliberately tiny history-mode router: vue-router is not a dependency, and eleven flat pages
 * plus one detail route need only matching, push and back/forward.
 */
export interface Router {
  current: ShallowRef<CurrentRoute>;
  push(to: string): void;
  replace(to: string): void;
}

function resolve(location: string): CurrentRoute {
  const url = new URL(location, window.location.origin);
  const path = url.pathname === '/' ? homePath : url.pathname.replace(/\/+$/, '') || homePath;
  for (const def of routes) {
    const params = matchPath(def.path, path);
    if (params) return { def, path, params, query: url.searchParams };
  }
  return { def: undefined, path, params: {}, query: url.searchParams };
}

function relativeLocation(): string {
  return `${window.location.pathname}${window.location.search}`;
}

const current = shallowRef<CurrentRoute>(resolve(relativeLocation()));

function go(to: string, mode: 'push' | 'replace'): void {
  if (to === relativeLocation()) return;
  window.history[mode === 'push' ? 'pushState' : 'replaceState']({}, '', to);
  current.value = resolve(to);
  window.scrollTo?.({ top: 0 });
}

export const router: Router & { install(app: App): void } = {
  current,
  push: (to) => go(to, 'push'),
  replace: (to) => go(to, 'replace'),
  install() {
    window.addEventListener('popstate', () => {
      current.value = resolve(relativeLocation());
    });
  },
};

export function useRouter(): Router {
  return router;
}

/** Props for an <a> (or any Vuetify component with `href`) that navigates without a page load. */
export function linkTo(to: string): { href: string; onClick: (event: MouseEvent | KeyboardEvent) => void } {
  return {
    href: to,
    onClick: (event: MouseEvent | KeyboardEvent) => {
      // Let the browser handle new-tab and download gestures itself.
      if (event.metaKey || event.ctrlKey || event.shiftKey || ('button' in event && event.button !== 0)) return;
      event.preventDefault();
      router.push(to);
    },
  };
}
