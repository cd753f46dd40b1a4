import type { OpenApiFragment } from '../openapi.ts';

type Role = 'admin' | 'editor' | 'officer';

/** One operation: who may call it, what it does, and its body/response in brief. */
function op(summary: string, roles: Role[], extra: Record<string, unknown> = {}) {
  const write = 'requestBody' in extra;
  return {
    summary,
    description: `Roles: ${roles.join(', ')} (admins may call every staff endpoint).`,
    tags: ['staff'],
    security: [write ? { session: [], csrf: [] } : { session: [] }],
    responses: { '200': { description: 'OK' }, '401': { description: 'Not signed in' }, '403': { description: 'Role not allowed, or missing CSRF header' } },
    ...extra,
  };
}

const json = (schema: unknown) => ({ required: true, content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const E: Role[] = ['editor'];
const EO: Role[] = ['editor', 'officer'];
const A: Role[] = ['admin'];

const localeContent = { type: 'object', properties: { title: { type: 'string' }, questions: { type: 'array', items: { type: 'string' } }, answer: { type: 'string' } } };

export const consoleOpenApi: OpenApiFragment = {
  schemas: {
    Topic: {
      type: 'object',
      required: ['id', 'area', 'sourceUrl', 'lastReviewed', 'reviewBy', 'content'],
      properties: {
        id: { type: 'string', example: 'ktp.lost' },
        area: { type: 'string', example: 'ktp' },
        sourceUrl: { type: 'string', format: 'uri' },
        lastReviewed: { type: 'string', format: 'date' },
        reviewBy: { type: 'string', format: 'date' },
        content: { type: 'object', properties: { id: localeContent, en: localeContent, jv: localeContent, su: localeContent } },
      },
    },
    ImportError: { type: 'object', properties: { row: { type: 'integer' }, entryId: { type: ['string', 'null'] }, message: { type: 'string' } } },
  },
  paths: {
    '/api/staff/kb/entries': {
      get: op('List entries (filters: q, area, missing=<locale>|any, stale=true|false, status)', EO),
      post: op('Create a new entry as a draft', E, { requestBody: json(ref('Topic')) }),
    },
    '/api/staff/kb/entries/{id}': {
      get: op('An entry: published version, draft, problems, locale completeness', EO, { parameters: [idParam] }),
      delete: op('Mark an entry for deletion at the next publish', E, { parameters: [idParam] }),
    },
    '/api/staff/kb/entries/{id}/draft': {
      put: op('Save an edit as a draft', E, { parameters: [idParam], requestBody: json(ref('Topic')) }),
      delete: op('Discard the draft', E, { parameters: [idParam] }),
    },
    '/api/staff/kb/publish': {
      post: op('Publish drafts as a new revision; the bot answers from it at once (422 lists entry problems)', E, {
        requestBody: json({ type: 'object', properties: { message: { type: 'string' }, topicIds: { type: 'array', items: { type: 'string' } } } }),
      }),
    },
    '/api/staff/kb/revisions': { get: op('Revision history, newest first', EO) },
    '/api/staff/kb/revisions/{id}': { get: op('A revision with its per-entry, per-field diff against the previous one', EO, { parameters: [idParam] }) },
    '/api/staff/kb/revisions/{id}/rollback': { post: op('Publish an earlier revision again as a new revision', E, { parameters: [idParam], requestBody: { required: false, content: {} } }) },
    '/api/staff/kb/export': { get: op('The published knowledge base as JSON (default) or CSV (?format=csv), UTF-8', EO) },
    '/api/staff/kb/import': {
      post: op('Import a JSON or CSV export (?format=csv|json); all or nothing; 422 with per-row errors; good entries become drafts', E, {
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } },
      }),
    },
    '/api/staff/try': {
      post: op('What the bot would answer: decision, replies, top candidates with scores (drafts=true to include drafts)', EO, {
        requestBody: json({ type: 'object', required: ['text'], properties: { text: { type: 'string' }, locale: { enum: ['id', 'en', 'jv', 'su'] }, drafts: { type: 'boolean' } } }),
      }),
    },
    '/api/staff/unanswered': { get: op('Open unanswered questions grouped by similarity, with the best guess (?sort=frequent|newest)', E) },
    '/api/staff/unanswered/actions': {
      post: op('Act on a group: add-variants {ids, topicId, phrasings?}, create-entry {ids, id, area}, out-of-scope {ids}, dismiss {ids}', E, {
        requestBody: json({ type: 'object', required: ['action', 'ids'], properties: { action: { enum: ['add-variants', 'create-entry', 'out-of-scope', 'dismiss'] }, ids: { type: 'array', items: { type: 'integer' } } } }),
      }),
    },
    '/api/staff/analytics': { get: op('Daily counts and rates per channel and locale, top topics, top unanswered (?from&to&channel&locale&format=csv)', E) },
    '/api/staff/users': {
      get: op('Staff accounts', A),
      post: op('Add a staff account', A, { requestBody: json({ type: 'object', required: ['email', 'role', 'password'] }) }),
    },
    '/api/staff/users/{id}': { patch: op('Change name, role or disabled', A, { parameters: [idParam], requestBody: json({ type: 'object' }) }) },
    '/api/staff/users/{id}/password': { post: op('Set a new password (ends the user\'s sessions, lifts a lock-out)', A, { parameters: [idParam], requestBody: json({ type: 'object', required: ['password'] }) }) },
    '/api/staff/audit': { get: op('Audit log, newest first (?entityType&entityId&limit&beforeId)', A) },
    '/api/staff/settings': {
      get: op('Tunable settings (answer/clarify thresholds, ambiguity margin)', A),
      put: op('Change settings; applied without a restart', A, { requestBody: json({ type: 'object' }) }),
    },
    '/api/staff/privacy/erase': {
      post: op(
        "Erase one citizen's conversation on their request (UU 27/2022): messages, state, feedback, unanswered questions, channel data; its tickets stay for statistics without transcript, notes or identifiers. Audited with the reason and counts. 404 if nothing is stored, 409 while a ticket is open",
        A,
        { requestBody: json({ type: 'object', required: ['conversationId', 'reason'], properties: { conversationId: { type: 'string', maxLength: 128 }, reason: { type: 'string', minLength: 5, maxLength: 500 } } }) },
      ),
    },
    '/api/staff/login': { post: { summary: 'Sign in: returns {user, csrfToken} and sets the session cookie', tags: ['staff'], responses: { '200': { description: 'OK' }, '401': { description: 'Wrong e-mail or password, or locked' } } } },
    '/api/staff/logout': { post: { summary: 'Sign out', tags: ['staff'], responses: { '204': { description: 'Signed out' } } } },
    '/api/staff/me': { get: { summary: 'The signed-in user and CSRF token', tags: ['staff'], responses: { '200': { description: 'OK' }, '401': { description: 'Not signed in' } } } },
  },
};
