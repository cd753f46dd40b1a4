import type { Request } from 'express';
import type { KnowledgeEditor } from '../../console/knowledge-editor.ts';
import type { KnowledgePublisher } from '../../console/knowledge-publisher.ts';
import type { ConsoleSettingsService } from '../../console/console-settings.ts';
import type { ConversationErasure } from '../../console/conversation-erasure.ts';
import type { UnansweredReview } from '../../console/unanswered-review.ts';
import type { Engine } from '../../engine/pipeline.ts';
import type { Translate } from '../../i18n.ts';
import type { StaffAdmin } from '../../staff/staff-admin.ts';
import type { Actor } from '../../storage/console-ports.ts';
import type { Storage } from '../../storage/ports.ts';
import { AppError } from '../app-error.ts';
import type { RequireRole } from '../staff-auth.ts';

/** Everything the console's API routes use; server.ts builds it once. */
export interface ConsoleDeps {
  requireRole: RequireRole;
  storage: Storage;
  engine: Engine;
  translate: Translate;
  editor: KnowledgeEditor;
  publisher: KnowledgePublisher;
  review: UnansweredReview;
  staffAdmin: StaffAdmin;
  settings: ConsoleSettingsService;
  erasure: ConversationErasure;
}

/** The signed-in staff member as recorded in the audit log; requireRole has already run. */
export function actorOf(req: Request): Actor {
  if (!req.staff) throw new AppError(401, 'unauthenticated', 'Please sign in to the staff console.');
  return { id: req.staff.id, email: req.staff.email };
}

