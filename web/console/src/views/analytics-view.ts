import { html, nothing } from 'lit';
import { api } from '../api.ts';
import { formatPercent, t } from '../i18n.ts';
import { LOCALES } from '../types.ts';
import { ConsoleView } from '../view.ts';
import { drawLineChart } from './line-chart.ts';

interface Day {
  day: string;
  conversations: number;
  messages: number;
  answerRate: number | null;
  clarifyRate: number | null;
  fallbackRate: number | null;
  handoffRate: number | null;
  satisfaction: number | null;
  thumbsUp: number | null;
  thumbsDown: number | null;
}
interface Report {
  from: string;
  to: string;
  totals: Day;
  days: Day[];
  topTopics: { topicId: string; title: string; answers: number }[];
  topUnanswered: { key: number; text: string; locale: string; count: number; bestGuess: string | null }[];
  officer: { day: string; tickets: number; responseSeconds: number | null; resolutionSeconds: number | null; satisfaction: number | null }[] | null;
  sources: { feedback: boolean; tickets: boolean };
}

const COLORS = { blue: '#0072B2', orange: '#B35C00', green: '#007A5A', red: '#C0392B', purple: '#8E4C8A' };
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Daily figures per channel and locale, with charts a person can read at a glance and a CSV export. */
class AnalyticsView extends ConsoleView {
  static override properties = { ...ConsoleView.properties, report: { state: true }, error: { state: true }, query: { state: true } };
  declare report: Report | null;
  declare error: string;
  declare query: { from: string; to: string; channel: string; locale: string };
  private cleanups: (() => void)[] = [];

  constructor() {
    super();
    this.report = null;
    this.error = '';
    this.query = { from: isoDay(-29), to: isoDay(0), channel: '', locale: '' };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
    this.focusHeading();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.cleanups.forEach((c) => c());
  }

  private params(format?: string) {
    const p = new URLSearchParams({ from: this.query.from, to: this.query.to });
    if (this.query.channel) p.set('channel', this.query.channel);
    if (this.query.locale) p.set('locale', this.query.locale);
    if (format) p.set('format', format);
    return p.toString();
  }

  private async load() {
    try {
      this.error = '';
      this.report = await api<Report>('GET', `/api/staff/analytics?${this.params()}`);
    } catch (err) {
      this.error = this.errorText(err);
    }
  }

  override updated() {
    this.cleanups.forEach((c) => c());
    this.cleanups = [];
    const r = this.report;
    const volume = this.querySelector<HTMLElement>('#chart-volume');
    const rates = this.querySelector<HTMLElement>('#chart-rates');
    if (!r || !volume || !rates) return;
    const days = r.days.map((d) => d.day);
    this.cleanups.push(
      drawLineChart(volume, days, [
        { label: t('analytics.conversations'), values: r.days.map((d) => d.conversations), color: COLORS.blue },
        { label: t('analytics.messages'), values: r.days.map((d) => d.messages), color: COLORS.orange, dash: [6, 4] },
      ], { xLabel: t('analytics.day') }),
      drawLineChart(rates, days, [
        { label: t('analytics.answerRate'), values: r.days.map((d) => d.answerRate), color: COLORS.green },
        { label: t('analytics.clarifyRate'), values: r.days.map((d) => d.clarifyRate), color: COLORS.blue, dash: [2, 3] },
        { label: t('analytics.fallbackRate'), values: r.days.map((d) => d.fallbackRate), color: COLORS.red, dash: [6, 4] },
        { label: t('analytics.handoffRate'), values: r.days.map((d) => d.handoffRate), color: COLORS.purple, dash: [10, 3, 2, 3] },
      ], { percent: true, xLabel: t('analytics.day') }),
    );
  }

  private set(change: Partial<AnalyticsView['query']>) {
    this.query = { ...this.query, ...change };
    void this.load();
  }

  private filters() {
    const q = this.query;
    return html`<form class="filters" @submit=${(e: Event) => e.preventDefault()}>
      <div class="field"><label for="an-from">${t('analytics.from')}</label><input id="an-from" type="date" .value=${q.from} @change=${(e: Event) => this.set({ from: (e.target as HTMLInputElement).value })} /></div>
      <div class="field"><label for="an-to">${t('analytics.to')}</label><input id="an-to" type="date" .value=${q.to} @change=${(e: Event) => this.set({ to: (e.target as HTMLInputElement).value })} /></div>
      <div class="field"><label for="an-channel">${t('analytics.channel')}</label><select id="an-channel" @change=${(e: Event) => this.set({ channel: (e.target as HTMLSelectElement).value })}>
        <option value="">${t('analytics.allChannels')}</option>${['web', 'telegram', 'whatsapp', 'botframework'].map((c) => html`<option value=${c}>${t(`channels.${c}`)}</option>`)}</select></div>
      <div class="field"><label for="an-locale">${t('analytics.locale')}</label><select id="an-locale" @change=${(e: Event) => this.set({ locale: (e.target as HTMLSelectElement).value })}>
        <option value="">${t('analytics.allLocales')}</option>${LOCALES.map((l) => html`<option value=${l}>${t(`locales.${l}`)}</option>`)}</select></div>
      <a class="btn btn-ghost" href="/api/staff/analytics?${this.params('csv')}" download>${t('analytics.csv')}</a>
    </form>`;
  }

  private tiles(total: Day) {
    const tiles = [
      [t('analytics.conversations'), String(total.conversations)],
      [t('analytics.messages'), String(total.messages)],
      [t('analytics.answerRate'), formatPercent(total.answerRate)],
      [t('analytics.clarifyRate'), formatPercent(total.clarifyRate)],
      [t('analytics.fallbackRate'), formatPercent(total.fallbackRate)],
      [t('analytics.handoffRate'), formatPercent(total.handoffRate)],
      [t('analytics.satisfaction'), this.report!.sources.feedback ? `${formatPercent(total.satisfaction)} (👍 ${total.thumbsUp ?? 0} / 👎 ${total.thumbsDown ?? 0})` : t('analytics.notCollected')],
    ];
    return html`<dl class="tiles">${tiles.map(([k, v]) => html`<div class="tile"><dt>${k}</dt><dd class=${/\d/.test(v) ? '' : 'tile-note'}>${v}</dd></div>`)}</dl>`;
  }

  private chart(id: string, title: string, rows: Day[], cols: [string, (d: Day) => string][]) {
    return html`<figure class="card chart-card" aria-labelledby="${id}-cap">
      <figcaption id="${id}-cap"><h2>${title}</h2></figcaption>
      <div id=${id} class="chart" role="presentation"></div>
      <details><summary>${t('analytics.asTable')}</summary><div class="table-wrap"><table class="data compact">
        <thead><tr><th scope="col">${t('analytics.day')}</th>${cols.map(([c]) => html`<th scope="col">${c}</th>`)}</tr></thead>
        <tbody>${rows.map((d) => html`<tr><th scope="row">${d.day}</th>${cols.map(([, f]) => html`<td>${f(d)}</td>`)}</tr>`)}</tbody>
      </table></div></details>
    </figure>`;
  }

  private lists(r: Report) {
    return html`<div class="two-col">
      <section class="card"><h2>${t('analytics.topTopics')}</h2>
        ${r.topTopics.length === 0 ? html`<p class="empty">${t('analytics.noData')}</p>` : html`<ol class="rank">${r.topTopics.map((tp) => html`<li><a href="/console/kb/${tp.topicId}">${tp.title}</a> <span class="muted">${tp.answers}</span></li>`)}</ol>`}
      </section>
      <section class="card"><h2>${t('analytics.topUnanswered')}</h2>
        ${r.topUnanswered.length === 0 ? html`<p class="empty">${t('analytics.noData')}</p>` : html`<ol class="rank">${r.topUnanswered.map((u) => html`<li><span lang=${u.locale}>${u.text}</span> <span class="muted">×${u.count}</span></li>`)}</ol>`}
        <a href="/console/unanswered">${t('analytics.review')}</a>
      </section>
      <section class="card"><h2>${t('analytics.officers')}</h2>
        ${r.officer === null ? html`<p class="empty">${t('analytics.noTickets')}</p>` : r.officer.length === 0 ? html`<p class="empty">${t('analytics.noData')}</p>` : html`<table class="data compact"><thead><tr><th scope="col">${t('analytics.day')}</th><th scope="col">${t('analytics.tickets')}</th><th scope="col">${t('analytics.response')}</th><th scope="col">${t('analytics.resolution')}</th><th scope="col">${t('analytics.officerRating')}</th></tr></thead>
          <tbody>${r.officer.map((o) => html`<tr><th scope="row">${o.day}</th><td>${o.tickets}</td><td>${o.responseSeconds === null ? '—' : Math.round(o.responseSeconds / 60) + ' min'}</td><td>${o.resolutionSeconds === null ? '—' : Math.round(o.resolutionSeconds / 60) + ' min'}</td><td>${o.satisfaction ?? '—'}</td></tr>`)}</tbody></table>`}
      </section>
    </div>`;
  }

  override render() {
    const r = this.report;
    const pct = (f: (d: Day) => number | null) => (d: Day) => formatPercent(f(d));
    return html`<section class="page">
      <div class="page-head"><h1 tabindex="-1">${t('analytics.title')}</h1></div>
      <p class="muted">${t('analytics.intro')}</p>
      ${this.filters()}
      ${this.error ? html`<p class="alert alert-error" role="alert">${this.error}</p>` : nothing}
      ${!r ? html`<p role="status">${t('common.loading')}</p>` : html`
        ${this.tiles(r.totals)}
        <div class="two-col charts">
          ${this.chart('chart-volume', t('analytics.volume'), r.days, [[t('analytics.conversations'), (d) => String(d.conversations)], [t('analytics.messages'), (d) => String(d.messages)]])}
          ${this.chart('chart-rates', t('analytics.rates'), r.days, [[t('analytics.answerRate'), pct((d) => d.answerRate)], [t('analytics.clarifyRate'), pct((d) => d.clarifyRate)], [t('analytics.fallbackRate'), pct((d) => d.fallbackRate)], [t('analytics.handoffRate'), pct((d) => d.handoffRate)]])}
        </div>
        ${this.lists(r)}`}
    </section>`;
  }
}
customElements.define('analytics-view', AnalyticsView);
