import type { Decision, EngineResult } from '../engine/types.ts';

export interface Picked {
  result: EngineResult;
  source: 'original' | 'restated';
  /** The model's topic moved to the front of the choices offered. */
  hinted: boolean;
}

const RANK: Partial<Record<Decision['action'], number>> = { answer: 3, clarify: 2, fallback: 1 };

function agrees(decision: Decision, topicId: string | null): boolean {
  if (!topicId) return false;
  if (decision.action === 'answer') return decision.topicId === topicId;
  if (decision.action === 'clarify') return decision.topicIds.includes(topicId);
  return false;
}

/** Better = a more decisive action, then agreement with the model's topic, then confidence. */
function isBetter(a: Decision, b: Decision, topicId: string | null): boolean {
  const rank = (RANK[a.action] ?? 0) - (RANK[b.action] ?? 0);
  if (rank !== 0) return rank > 0;
  const agreement = Number(agrees(a, topicId)) - Number(agrees(b, topicId));
  if (agreement !== 0) return agreement > 0;
  return a.confidence > b.confidence;
}

/**
 * Chooses between the engine's result on the citizen's words and on the model's restatement.
 * Both went through the same decision rules; the model's topic never creates an answer on its
 * own, it only breaks ties and puts its topic first when the citizen is offered choices.
 */
export function pickUnderstood(original: EngineResult, restated: EngineResult | null, topicId: string | null): Picked {
  const usable = restated && RANK[restated.decision.action] !== undefined && !(restated.decision.action === 'answer' && restated.decision.via === 'choice');
  // Small talk on a long message is often a misread question; only a clear answer replaces it.
  const replaceable = RANK[original.decision.action] !== undefined || restated?.decision.action === 'answer';
  const fromRestated = usable && replaceable && isBetter(restated.decision, original.decision, topicId);
  const chosen = fromRestated ? restated : original;
  const d = chosen.decision;
  const source = fromRestated ? 'restated' : 'original';
  if (d.action !== 'clarify' || !topicId || !d.topicIds.includes(topicId) || d.topicIds[0] === topicId) {
    return { result: chosen, source, hinted: false };
  }
  const topicIds = [topicId, ...d.topicIds.filter((id) => id !== topicId)];
  return { result: { ...chosen, decision: { ...d, topicIds } }, source, hinted: true };
}
