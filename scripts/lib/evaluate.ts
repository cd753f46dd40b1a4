import { performance } from 'node:perf_hooks';
import { LOCALES, type Locale } from '../../bot/domain.ts';
import type { Engine } from '../../bot/engine/pipeline.ts';
import type { Decision } from '../../bot/engine/types.ts';
import { OUT_OF_SCOPE, isTopicLabel, type EvalCase } from './eval-set.ts';
import type { PlainBm25 } from './plain-bm25.ts';

export interface CaseResult {
  case: EvalCase;
  predicted: string;
  action: Decision['action'];
  correct: boolean;
  detectedLocale: Locale;
  ms: number;
}

/** What a decision means in the eval set's label space. */
export function labelOf(decision: Decision): string {
  switch (decision.action) {
    case 'answer':
      return decision.topicId;
    case 'smalltalk':
      return decision.intent;
    case 'handoff':
      return decision.reason === 'complaint' ? 'complaint' : 'handoff';
    case 'ticket-status':
      return 'ticket-status';
    case 'back-to-bot':
      return 'back-to-bot';
    case 'clarify':
      return 'clarify';
    case 'language-switch':
      return 'language-switch';
    case 'fallback':
      return OUT_OF_SCOPE;
  }
}

export function runCases(engine: Engine, cases: EvalCase[]): CaseResult[] {
  // Warm the JIT first, so latency percentiles describe a running server, not a cold start.
  for (const c of cases.slice(0, 100)) engine.run({ text: c.text, conversation: { locale: null, lastTopicId: null, pendingChoices: [] } });
  return cases.map((c) => {
    const start = performance.now();
    const { decision, trace } = engine.run({ text: c.text, conversation: { locale: null, lastTopicId: null, pendingChoices: [] } });
    const ms = performance.now() - start;
    const predicted = labelOf(decision);
    const correct = c.label === OUT_OF_SCOPE ? decision.action !== 'answer' : predicted === c.label;
    return { case: c, predicted, action: decision.action, correct, detectedLocale: trace.locale, ms };
  });
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface Summary {
  cases: number;
  faqTop1: number | null;
  faqTop1ByLocale: Record<Locale, number | null>;
  clarifyRate: number | null;
  wrongAnswerRate: number | null;
  outOfScopeHold: number | null;
  nearMissHold: number | null;
  intentAccuracy: number | null;
  localeAccuracy: number | null;
  baselineFaqTop1: number | null;
  baselineOutOfScopeHold: number | null;
  latencyMs: { p50: number; p99: number };
  worstPairs: { expected: string; got: string; count: number }[];
}

export function summarise(results: CaseResult[], baseline?: PlainBm25): Summary {
  const faq = results.filter((r) => isTopicLabel(r.case.label));
  const oos = results.filter((r) => r.case.label === OUT_OF_SCOPE);
  const intents = results.filter((r) => !isTopicLabel(r.case.label) && r.case.label !== OUT_OF_SCOPE);
  const byLocale = Object.fromEntries(
    LOCALES.map((l) => {
      const rows = faq.filter((r) => r.case.locale === l);
      return [l, ratio(rows.filter((r) => r.correct).length, rows.length)];
    }),
  ) as Record<Locale, number | null>;
  const pairs = new Map<string, number>();
  for (const r of results) {
    if (r.correct || r.action === 'clarify') continue;
    const key = `${r.case.label} → ${r.predicted}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  const worstPairs = [...pairs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([k, count]) => {
      const [expected, got] = k.split(' → ');
      return { expected, got, count };
    });
  const base = baseline
    ? {
        faq: ratio(faq.filter((r) => baseline.top(r.case.text) === r.case.label).length, faq.length),
        oos: ratio(oos.filter((r) => baseline.top(r.case.text) === null).length, oos.length),
      }
    : { faq: null, oos: null };
  const nearMiss = oos.filter((r) => r.case.style === 'near-miss');
  return {
    cases: results.length,
    faqTop1: ratio(faq.filter((r) => r.correct).length, faq.length),
    faqTop1ByLocale: byLocale,
    clarifyRate: ratio(faq.filter((r) => r.action === 'clarify').length, faq.length),
    wrongAnswerRate: ratio(faq.filter((r) => r.action === 'answer' && !r.correct).length, faq.length),
    outOfScopeHold: ratio(oos.filter((r) => r.correct).length, oos.length),
    nearMissHold: ratio(nearMiss.filter((r) => r.correct).length, nearMiss.length),
    intentAccuracy: ratio(intents.filter((r) => r.correct).length, intents.length),
    localeAccuracy: ratio(results.filter((r) => r.detectedLocale === r.case.locale).length, results.length),
    baselineFaqTop1: base.faq,
    baselineOutOfScopeHold: base.oos,
    latencyMs: { p50: round3(percentile(results.map((r) => r.ms), 50)), p99: round3(percentile(results.map((r) => r.ms), 99)) },
    worstPairs,
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
