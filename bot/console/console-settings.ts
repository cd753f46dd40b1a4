import { z } from 'zod';
import type { Engine } from '../engine/pipeline.ts';
import { badRequest } from '../http/app-error.ts';
import type { Actor, AuditStore, SettingsStore } from '../storage/console-ports.ts';

/** What an admin may tune without a restart; the environment gives the starting values. */
export const settingsSchema = z
  .object({
    answerThreshold: z.number().min(0).max(1),
    clarifyThreshold: z.number().min(0).max(1),
    ambiguityMargin: z.number().min(0).max(1),
  })
  .refine((s) => s.clarifyThreshold <= s.answerThreshold, { message: 'clarifyThreshold must not be above answerThreshold', path: ['clarifyThreshold'] });

export type ConsoleSettings = z.infer<typeof settingsSchema>;

export class ConsoleSettingsService {
  constructor(
    private readonly store: SettingsStore,
    private readonly audit: AuditStore,
    private readonly engine: Engine,
  ) {}

  get(): ConsoleSettings {
    const t = this.engine.thresholds;
    return { answerThreshold: t.answer, clarifyThreshold: t.clarify, ambiguityMargin: t.margin };
  }

  /** Stored settings override the environment's at start. */
  async load(): Promise<void> {
    const stored = await this.store.all();
    const merged = settingsSchema.safeParse({ ...this.get(), ...stored });
    if (merged.success) this.apply(merged.data);
  }

  async update(actor: Actor, changes: unknown): Promise<ConsoleSettings> {
    const before = this.get();
    const parsed = settingsSchema.safeParse({ ...before, ...(changes as object) });
    if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const after = parsed.data;
    for (const key of Object.keys(after) as (keyof ConsoleSettings)[]) {
      if (after[key] !== before[key]) await this.store.set(key, after[key]);
    }
    this.apply(after);
    await this.audit.append([{ actorId: actor.id, actorEmail: actor.email, entityType: 'setting', entityId: 'thresholds', action: 'update', before, after }]);
    return after;
  }

  private apply(s: ConsoleSettings): void {
    this.engine.setThresholds({ answer: s.answerThreshold, clarify: s.clarifyThreshold, margin: s.ambiguityMargin });
  }
}
