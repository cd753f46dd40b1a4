/** Path routing under /console/ with the History API; the server answers every deep link with index.html. */
export const BASE = '/console';

export interface Route {
  /** `home` is /console/ itself: the shell sends officers to their inbox and everyone else to the knowledge base. */
  name: 'home' | 'inbox' | 'kb' | 'entry' | 'new-entry' | 'revisions' | 'try' | 'unanswered' | 'analytics' | 'users' | 'audit' | 'settings';
  param?: string;
}

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const [first, second] = rest.split('/').filter(Boolean).map(decodeURIComponent);
  if (first === 'kb' && second === 'new') return { name: 'new-entry' };
  if (first === 'kb' && second) return { name: 'entry', param: second };
  if (!first) return { name: 'home' };
  const known: Route['name'][] = ['inbox', 'revisions', 'try', 'unanswered', 'analytics', 'users', 'audit', 'settings'];
  if (known.includes(first as Route['name'])) return { name: first as Route['name'], param: second };
  return { name: 'kb' };
}

export function navigate(path: string): void {
  history.pushState(null, '', `${BASE}${path}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Lets plain <a href="/console/…"> links navigate without a page load. */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    const a = (event.target as HTMLElement).closest('a');
    if (!a || a.target || a.hasAttribute('download') || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const href = a.getAttribute('href');
    if (!href?.startsWith(`${BASE}/`)) return;
    event.preventDefault();
    navigate(href.slice(BASE.length));
  });
}
