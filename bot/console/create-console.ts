import type { Router } from 'express';
import type { Engine } from '../engine/pipeline.ts';
import { adminRoutes } from '../http/console/admin-routes.ts';
import { analyticsRoutes } from '../http/console/analytics-routes.ts';
import type { ConsoleDeps } from '../http/console/console-deps.ts';
import { consoleOpenApi } from '../http/console/console-openapi.ts';
import { consoleStatic } from '../http/console/console-static.ts';
import { knowledgeImportRoute } from '../http/console/knowledge-import-route.ts';
import { knowledgeRoutes } from '../http/console/knowledge-routes.ts';
import { reviewRoutes } from '../http/console/review-routes.ts';
import type { OpenApiFragment } from '../http/openapi.ts';
import type { RequireRole } from '../http/staff-auth.ts';
import type { Translate } from '../i18n.ts';
import type { KeyedSerializer } from '../runtime/serialize-by-key.ts';
import type { StaffAdmin } from '../staff/staff-admin.ts';
import type { Storage } from '../storage/ports.ts';
import { ConsoleSettingsService } from './console-settings.ts';
import { ConversationErasure } from './conversation-erasure.ts';
import { KnowledgeEditor } from './knowledge-editor.ts';
import { KnowledgePublisher } from './knowledge-publisher.ts';
import type { OutOfScopeList } from './out-of-scope-list.ts';
import { UnansweredReview } from './unanswered-review.ts';

export interface ConsoleParts {
  storage: Storage;
  engine: Engine;
  translate: Translate;
  requireRole: RequireRole;
  staffAdmin: StaffAdmin;
  outOfScope: OutOfScopeList;
  regressionsFile: string;
  distDir: string;
  /** The runtime's per-conversation lock: an erasure waits for a turn in flight. */
  lock: KeyedSerializer;
}

/** The staff console's services and routes, wired once by server.ts. */
export async function createConsole(p: ConsoleParts): Promise<{ open: Router[]; raw: Router[]; openApi: OpenApiFragment }> {
  const publisher = new KnowledgePublisher(p.storage, p.engine, p.regressionsFile);
  await publisher.syncInitialRevision();
  const editor = new KnowledgeEditor(p.storage);
  const settings = new ConsoleSettingsService(p.storage.settings, p.storage.audit, p.engine);
  await settings.load();
  await p.outOfScope.load();
  const review = new UnansweredReview(p.storage, p.engine, editor, publisher, p.outOfScope);
  const erasure = new ConversationErasure({ erasure: p.storage.erasure, audit: p.storage.audit, lock: p.lock });
  const deps: ConsoleDeps = { ...p, editor, publisher, review, settings, erasure };
  return {
    open: [knowledgeRoutes(deps), reviewRoutes(deps), analyticsRoutes(deps), adminRoutes(deps), consoleStatic(p.distDir)],
    raw: [knowledgeImportRoute(deps)],
    openApi: consoleOpenApi,
  };
}
