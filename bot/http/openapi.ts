import { Router } from 'express';

/**
 * A piece of the OpenAPI document: each module describes its own paths and schemas, and the
 * document served at /api/openapi.json is their merge. Plain objects, so any module can add one.
 */
export interface OpenApiFragment {
  paths: Record<string, unknown>;
  schemas?: Record<string, unknown>;
  tags?: { name: string; description: string }[];
}

export function buildOpenApi(fragments: OpenApiFragment[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const f of fragments) for (const [path, ops] of Object.entries(f.paths)) paths[path] = { ...paths[path], ...(ops as Record<string, unknown>) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Layani API',
      version,
      description:
        'Public chat API of the Layani public-service assistant, and the staff API used by the console. Errors are JSON `{error: {code, message}}`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    tags: fragments.flatMap((f) => f.tags ?? []),
    paths,
    components: {
      schemas: Object.assign({ Error: ERROR_SCHEMA }, ...fragments.map((f) => f.schemas ?? {})),
      securitySchemes: {
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'layani_session',
          description: 'Set by POST /api/staff/login. State-changing requests must also send the x-csrf-token header returned at login.',
        },
        session: { type: 'apiKey', in: 'cookie', name: 'layani_session', description: 'Same as staffSession.' },
        csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'The token returned by POST /api/staff/login or GET /api/staff/me.' },
      },
    },
  };
}

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
};

/** Shorthands the fragments share. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
export const errorResponse = (description: string) => json(ref('Error'), description);

export function openApiRoutes(document: Record<string, unknown>): Router {
  const router = Router();
  router.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
