import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import i18next from 'i18next';
import { api, can, setCsrfToken, whenSignedOut, type StaffUser } from './api.ts';
import { language, t } from './i18n.ts';
import { languageSwitch } from './lang-switch.ts';
import { liveQueue } from './live-queue.ts';
import { BASE, interceptLinks, navigate, parseRoute, type Route } from './router.ts';
import './views/login-view.ts';
import './views/inbox-view.ts';
import './views/kb-list-view.ts';
import './views/entry-view.ts';
import './views/revisions-view.ts';
import './views/try-view.ts';
import './views/unanswered-view.ts';
import './views/analytics-view.ts';
import './views/users-view.ts';
import './views/audit-view.ts';
import './views/settings-view.ts';

interface NavItem {
  route: Route['name'];
  path: string;
  label: string;
  visible: boolean;
  badge?: TemplateResult | typeof nothing;
}

/** The console's frame: sign-in gate, navigation by role, language switch, and the current view. */
class LayaniConsole extends LitElement {
  static override properties = { user: { state: true }, route: { state: true }, ready: { state: true }, navOpen: { state: true } };
  declare user: StaffUser | null;
  declare route: Route;
  declare ready: boolean;
  declare navOpen: boolean;
  private releaseLive: (() => void) | null = null;

  constructor() {
    super();
    this.user = null;
    this.ready = false;
    this.navOpen = false;
    this.route = parseRoute(location.pathname);
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    interceptLinks(this);
    window.addEventListener('popstate', () => {
      this.route = parseRoute(location.pathname);
      this.navOpen = false;
    });
    i18next.on('languageChanged', () => this.requestUpdate());
    whenSignedOut(() => (this.user = null));
    liveQueue.on('counts', () => this.requestUpdate());
    void this.loadSession();
  }

  private async loadSession() {
    try {
      const me = await api<{ user: StaffUser; csrfToken: string }>('GET', '/api/staff/me');
      setCsrfToken(me.csrfToken);
      this.user = me.user;
    } catch {
      this.user = null;
    }
    this.ready = true;
  }

  private async signOut() {
    await api('POST', '/api/staff/logout').catch(() => undefined);
    this.user = null;
  }

  /** Officers start in their inbox; everyone else in the knowledge base. */
  private landing(): string {
    return this.user?.role === 'officer' ? '/inbox' : '/kb';
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (this.user && this.route.name === 'home') {
      history.replaceState(null, '', `${BASE}${this.landing()}`);
      this.route = parseRoute(location.pathname);
    }
    if (changed.has('user')) {
      // An officer's session keeps the live queue open: counts in the navigation, presence for citizens.
      this.releaseLive?.();
      this.releaseLive = this.user?.role === 'officer' ? liveQueue.acquire() : null;
    }
  }

  private inboxBadge() {
    const c = liveQueue.counts;
    if (!c) return nothing;
    return html`<span class=${c.escalated > 0 ? 'nav-count alert' : 'nav-count'}>${c.waiting}<span class="sr-only">
      ${t('inbox.navWaiting', { count: c.waiting })}${c.escalated > 0 ? `, ${t('inbox.navEscalated', { count: c.escalated })}` : ''}</span></span>`;
  }

  private nav(): NavItem[] {
    const u = this.user;
    return [
      { route: 'inbox', path: '/inbox', label: t('nav.inbox'), visible: can.handleTickets(u), badge: this.inboxBadge() },
      { route: 'kb', path: '/kb', label: t('nav.kb'), visible: true },
      { route: 'unanswered', path: '/unanswered', label: t('nav.unanswered'), visible: can.review(u) },
      { route: 'try', path: '/try', label: t('nav.try'), visible: true },
      { route: 'revisions', path: '/revisions', label: t('nav.revisions'), visible: true },
      { route: 'analytics', path: '/analytics', label: t('nav.analytics'), visible: can.review(u) },
      { route: 'users', path: '/users', label: t('nav.users'), visible: can.admin(u) },
      { route: 'audit', path: '/audit', label: t('nav.audit'), visible: can.admin(u) },
      { route: 'settings', path: '/settings', label: t('nav.settings'), visible: can.admin(u) },
    ].filter((i) => i.visible) as NavItem[];
  }

  private isCurrent(item: NavItem) {
    const r = this.route.name;
    return item.route === r || (item.route === 'kb' && (r === 'entry' || r === 'new-entry'));
  }

  override render() {
    const lang = language();
    if (!this.ready) return html`<p class="boot" role="status">${t('common.loading')}</p>`;
    if (!this.user) {
      return html`<login-view .lang=${lang} @signed-in=${(e: CustomEvent<StaffUser>) => ((this.user = e.detail), navigate(location.pathname.replace(/^\/console/, '') || '/'))}>
</login-view>`;
    }
    return html`
      <a class="skip-link" href="#main">${t('common.skip')}</a>
      <header class="topbar">
        <button type="button" class="nav-toggle" aria-expanded=${this.navOpen ? 'true' : 'false'} aria-controls="sidenav" @click=${() => (this.navOpen = !this.navOpen)}>
          <span aria-hidden="true">☰</span><span class="sr-only">${t('nav.menu')}</span>${this.user.role === 'officer' ? this.inboxBadge() : nothing}
        </button>
        <a class="brand" href="/console/"><span class="brand-mark" aria-hidden="true">L</span> Layani <span class="brand-sub">${t('app.subtitle')}</span></a>
        <div class="topbar-end">
          ${languageSwitch()}
          <span class="who"><span class="who-name">${this.user.name}</span> <span class="role-badge">${t(`roles.${this.user.role}`)}</span></span>
          <button type="button" class="btn btn-ghost" @click=${this.signOut}>${t('nav.signOut')}</button>
        </div>
      </header>
      <div class="layout">
        <nav id="sidenav" class=${this.navOpen ? 'sidenav open' : 'sidenav'} aria-label=${t('nav.label')}>
          <ul>
            ${this.nav().map(
              (item) => html`<li><a href="/console${item.path}" aria-current=${this.isCurrent(item) ? 'page' : nothing}><span>${item.label}</span>${item.badge ?? nothing}</a></li>`,
            )}
          </ul>
        </nav>
        <main id="main" tabindex="-1">${this.view(lang)}</main>
      </div>
    `;
  }

  private view(lang: string) {
    const u = this.user;
    const p = this.route.param;
    switch (this.route.name) {
      case 'inbox':
        return can.handleTickets(u) ? html`<inbox-view .user=${u} .lang=${lang} .param=${p}></inbox-view>` : this.forbidden();
      case 'entry':
        return html`<entry-view .user=${u} .lang=${lang} .param=${p}></entry-view>`;
      case 'new-entry':
        return html`<entry-view .user=${u} .lang=${lang} .param=${undefined}></entry-view>`;
      case 'revisions':
        return html`<revisions-view .user=${u} .lang=${lang} .param=${p}></revisions-view>`;
      case 'try':
        return html`<try-view .user=${u} .lang=${lang}></try-view>`;
      case 'unanswered':
        return can.review(u) ? html`<unanswered-view .user=${u} .lang=${lang}></unanswered-view>` : this.forbidden();
      case 'analytics':
        return can.review(u) ? html`<analytics-view .user=${u} .lang=${lang}></analytics-view>` : this.forbidden();
      case 'users':
        return can.admin(u) ? html`<users-view .user=${u} .lang=${lang}></users-view>` : this.forbidden();
      case 'audit':
        return can.admin(u) ? html`<audit-view .user=${u} .lang=${lang}></audit-view>` : this.forbidden();
      case 'settings':
        return can.admin(u) ? html`<settings-view .user=${u} .lang=${lang}></settings-view>` : this.forbidden();
      default:
        return html`<kb-list-view .user=${u} .lang=${lang}></kb-list-view>`;
    }
  }

  private forbidden() {
    return html`<section class="page"><h1 tabindex="-1">${t('common.forbiddenTitle')}</h1><p>${t('common.forbidden')}</p></section>`;
  }
}

customElements.define('layani-console', LayaniConsole);
