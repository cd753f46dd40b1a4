import type { Engine } from '../../bot/engine/pipeline.ts';
import type { Thresholds } from '../../bot/engine/types.ts';
import { OUT_OF_SCOPE, isTopicLabel, type EvalCase } from './eval-set.ts';

/** Two topics this close always get a clarify: the search does not trade that away. */
const MIN_MARGIN = 0.04;

/**
 * Grid search over the answer/clarify thresholds and the ambiguity margin on the tune half only:
 * maximise right answers while holding at least 95% of out-of-scope questions and keeping wrong
 * answers rare (a wrong confident answer about public services costs more than a clarify).
 */
export function tuneThresholds(engine: Engine, cases: EvalCase[]): Thresholds {
  const runs = cases.map((c) => ({ c, trace: engine.run({ text: c.text, conversation: { locale: null, lastTopicId: null, pendingChoices: [] } }) }));
  let best: { t: Thresholds; score: number } | null = null;
  for (let answer = 0.1; answer <= 0.8001; answer += 0.025) {
    for (let margin = MIN_MARGIN; margin <= 0.2001; margin += 0.02) {
      const t = { answer: round(answer), clarify: round(Math.max(0.08, answer - 0.12)), margin: round(margin) };
      let right = 0;
      let wrong = 0;
      let held = 0;
      let faq = 0;
      let oos = 0;
      for (const { c, trace } of runs) {
        const top = trace.trace.candidates[0];
        const second = trace.trace.candidates[1];
        const answers = top && top.score >= t.answer && top.score - (second?.score ?? 0) >= t.margin;
        if (isTopicLabel(c.label)) {
          faq++;
          if (answers && top.topicId === c.label) right++;
          else if (answers) wrong++;
        } else if (c.label === OUT_OF_SCOPE) {
          oos++;
          if (!answers) held++;
        }
      }
      if (oos && held / oos < 0.95) continue;
      const score = right / faq - 1.5 * (wrong / faq);
      if (!best || score > best.score) best = { t, score };
    }
  }
  return best?.t ?? { answer: 0.5, clarify: 0.3, margin: 0.12 };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
