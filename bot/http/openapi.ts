import { Router } from 'express';

/** A fragment of the OpenAPI document: each module describes its own paths (and schemas). */
export interface OpenApiFragment {
  paths: Record<string, unknown>;
  schemas?: Record<string, unknown>;
}

/** The JSON API's OpenAPI 3.1 document, assembled from the modules' fragments. */
export function openApiDocument(fragments: OpenApiFragment[]) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Layani API',
      version: '1',
      description:
        'Chat API for citizens and the staff API under /api/staff (session cookie from POST /api/staff/login; ' +
        'state-changing requests also send the x-csrf-token header returned at login). Errors are {"error": {"code", "message", "details"?}}.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'layani_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
      },
      schemas: Object.assign({}, ...fragments.map((f) => f.schemas ?? {})),
    },
    paths: Object.assign({}, ...fragments.map((f) => f.paths)),
  };
}

export function openApiRoutes(fragments: OpenApiFragment[]): Router {
  const router = Router();
  const doc = openApiDocument(fragments);
  router.get('/api/openapi.json', (_req, res) => {
    res.json(doc);
  });
  return router;
}
