import { html, nothing } from 'lit';
import { t } from '../i18n.ts';

export interface TryResult {
  decision: { action: string; topicId?: string; confidence: number };
  trace: { locale: string; localeReason: string; intent: string; candidates: { topicId: string; title: string; score: number; coverage: number; phrasing: number }[] };
  replies: { text: string; sourceUrl?: string; suggestions?: { label: string }[] }[];
  thresholds: { answer: number; clarify: number; margin: number };
}

/** The decision, the reply as the citizen would see it, and the top candidates with their scores. */
export function renderTryResult(r: TryResult) {
  const best = r.trace.candidates[0]?.score ?? 0;
  return html`<section class="card try-result" aria-labelledby="try-result-h">
    <h2 id="try-result-h">${t('try.result')}</h2>
    <dl class="facts">
      <div><dt>${t('try.decision')}</dt><dd><span class="status status-${r.decision.action}">${t(`actions.${r.decision.action}`, { defaultValue: r.decision.action })}</span>${r.decision.topicId ? html` → <a href="/console/kb/${r.decision.topicId}">${r.decision.topicId}</a>` : nothing}</dd></div>
      <div><dt>${t('try.confidence')}</dt><dd>${r.decision.confidence.toFixed(3)} <span class="muted">(${t('try.thresholds', { answer: r.thresholds.answer, clarify: r.thresholds.clarify })})</span></dd></div>
      <div><dt>${t('try.language')}</dt><dd>${t(`locales.${r.trace.locale}`)} <span class="muted">(${r.trace.localeReason})</span></dd></div>
      <div><dt>${t('try.intent')}</dt><dd>${r.trace.intent}</dd></div>
    </dl>
    <h3>${t('try.reply')}</h3>
    ${r.replies.map((reply) => html`<div class="bubble" lang=${r.trace.locale}>${reply.text}${reply.sourceUrl ? html`<div class="bubble-source">${reply.sourceUrl}</div>` : nothing}
      ${reply.suggestions?.length ? html`<div class="bubble-chips">${reply.suggestions.map((s) => html`<span class="chip static">${s.label}</span>`)}</div>` : nothing}</div>`)}
    <h3>${t('try.candidates')}</h3>
    ${r.trace.candidates.length === 0 ? html`<p class="empty">${t('try.noCandidates')}</p>` : html`<table class="data compact">
      <thead><tr><th scope="col">${t('try.topic')}</th><th scope="col">${t('try.score')}</th><th scope="col">${t('try.coverage')}</th><th scope="col">${t('try.phrasing')}</th></tr></thead>
      <tbody>${r.trace.candidates.map((c) => html`<tr>
        <td><a href="/console/kb/${c.topicId}">${c.title}</a> <span class="entry-id">${c.topicId}</span></td>
        <td><span class="score-bar" style="--w:${best ? Math.round((c.score / Math.max(best, 0.001)) * 100) : 0}%"></span> ${c.score.toFixed(3)}</td>
        <td>${c.coverage.toFixed(2)}</td><td>${c.phrasing.toFixed(2)}</td></tr>`)}</tbody>
    </table>`}
  </section>`;
}

