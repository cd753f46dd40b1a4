import { errorResponse, json, ref, type OpenApiFragment } from '../openapi.ts';

const security = [{ staffSession: [] }];
const numberParam = { name: 'number', in: 'path', required: true, schema: { type: 'string', examples: ['LYN-7K2Q9'] } };
const common = { 401: errorResponse('Not signed in'), 403: errorResponse('Not an officer, or missing x-csrf-token') };
const ticketOp = (summary: string, body: Record<string, unknown> | null, ok: unknown, conflicts: string, extra: Record<string, unknown> = {}) => ({
  post: {
    tags: ['tickets'],
    summary,
    security,
    parameters: [numberParam],
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', ...body } } } } } : {}),
    responses: { 200: json(ok), ...common, 404: errorResponse('No such ticket'), 409: errorResponse(conflicts), ...extra },
  },
});
const ticketResult = { type: 'object', properties: { ticket: ref('Ticket') } };
const textBody = (field: string, max: number) => ({ required: [field], properties: { [field]: { type: 'string', minLength: 1, maxLength: max } } });

/** The officer API (role officer; admins pass too). */
export const staffTicketsApi: OpenApiFragment = {
  tags: [{ name: 'tickets', description: 'Handoff tickets for officers: queue, transcript, claim, reply, notes, transfer, resolve, close.' }],
  paths: {
    '/api/staff/tickets': {
      get: {
        tags: ['tickets'],
        summary: 'The queue: open tickets by default, escalated and oldest first',
        security,
        parameters: [
          { name: 'status', in: 'query', schema: { enum: ['open', 'waiting', 'assigned', 'resolved', 'closed'], default: 'open' } },
          { name: 'mine', in: 'query', schema: { enum: ['true', 'false'] }, description: 'Only tickets assigned to me.' },
          { name: 'escalated', in: 'query', schema: { enum: ['true', 'false'] } },
        ],
        responses: {
          200: json({
            type: 'object',
            properties: {
              tickets: { type: 'array', items: ref('Ticket') },
              counts: { type: 'object', properties: { waiting: { type: 'integer' }, assigned: { type: 'integer' }, escalated: { type: 'integer' } } },
              office: {
                type: 'object',
                properties: { open: { type: 'boolean' }, nextOpening: { type: ['string', 'null'], format: 'date-time' }, officersOnline: { type: 'integer' } },
              },
            },
          }),
          ...common,
        },
      },
    },
    '/api/staff/tickets/{number}': {
      get: {
        tags: ['tickets'],
        summary: 'A ticket with its transcript (personal data masked), internal notes and event log',
        security,
        parameters: [numberParam],
        responses: {
          200: json({
            type: 'object',
            properties: {
              ticket: ref('Ticket'),
              transcript: { type: 'array', items: ref('ChatMessage') },
              notes: { type: 'array', items: ref('TicketNote') },
              events: { type: 'array', items: ref('TicketEvent') },
            },
          }),
          ...common,
          404: errorResponse('No such ticket'),
        },
      },
    },
    '/api/staff/tickets/{number}/claim': ticketOp('Claim a waiting ticket; of two simultaneous claims exactly one wins', null, ticketResult, 'already_claimed, ticket_ended'),
    '/api/staff/tickets/{number}/reply': ticketOp(
      'Reply to the citizen on their channel (only the officer holding the ticket)',
      textBody('text', 4000),
      { type: 'object', properties: { message: ref('ChatMessage'), delivered: { type: 'boolean', description: 'False: kept and retried until the channel takes it.' } } },
      'not_assigned, ticket_ended',
      { 201: json({ type: 'object' }, 'Stored and handed to the channel') },
    ),
    '/api/staff/tickets/{number}/notes': ticketOp('Add an internal note (never shown to the citizen)', textBody('text', 2000), { type: 'object', properties: { note: ref('TicketNote') } }, '—'),
    '/api/staff/tickets/{number}/transfer': ticketOp(
      'Hand the ticket to another officer (holder or admin)',
      { required: ['officerId'], properties: { officerId: { type: 'string' }, note: { type: 'string', maxLength: 2000 } } },
      ticketResult,
      'not_assigned, same_officer',
      { 400: errorResponse('Unknown or disabled officer') },
    ),
    '/api/staff/tickets/{number}/resolve': ticketOp(
      'Resolve with an internal note; the bot resumes and asks the citizen for a 1–5 rating',
      textBody('note', 2000),
      ticketResult,
      'not_assigned, ticket_ended',
    ),
    '/api/staff/tickets/{number}/close': ticketOp(
      'Close a ticket whose citizen went silent after the officer’s last message, with a closing message',
      textBody('message', 4000),
      ticketResult,
      'citizen_not_silent, not_assigned',
    ),
    '/api/staff/officers': {
      get: {
        tags: ['tickets'],
        summary: 'Active officers (for transfers), with whether each is online',
        security,
        responses: { 200: json({ type: 'object', properties: { officers: { type: 'array', items: { type: 'object' } } } }), ...common },
      },
    },
    '/api/staff/events': {
      get: {
        tags: ['tickets'],
        summary: 'Live queue (Server-Sent Events)',
        description:
          'Events: `queue` on connect (data: {counts}); `ticket` on every change (data: {change, ticket}, change ∈ created, claimed, transferred, resolved, closed, citizen-returned, escalated, reminded, note, rated, rating-skipped, activity); `message` for each new citizen or officer message (data: {ticketNumber, message}). Heartbeat comment every 20 s. Keeping this stream open counts the officer as online.',
        security,
        responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...common },
      },
    },
  },
  schemas: {
    Ticket: {
      type: 'object',
      properties: {
        number: { type: 'string' },
        conversationId: {
          type: 'string',
          description: 'For the staff channel endpoints (delivery status, WhatsApp window, failed deliveries). A WhatsApp id carries the phone number: staff-only.',
        },
        status: { enum: ['waiting', 'assigned', 'resolved', 'closed'] },
        kind: { enum: ['complaint', 'assistance'] },
        reason: { enum: ['requested', 'complaint', 'repeated-fallback'] },
        locale: { enum: ['id', 'en', 'jv', 'su'] },
        channel: { enum: ['web', 'telegram', 'whatsapp', 'botframework'] },
        topicId: { type: ['string', 'null'] },
        officer: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
        escalated: { type: 'boolean' },
        endReason: { enum: ['resolved', 'citizen-returned', 'citizen-silent', null] },
        resolutionNote: { type: ['string', 'null'] },
        satisfaction: { type: ['integer', 'null'], minimum: 1, maximum: 5 },
        queuePosition: { type: ['integer', 'null'] },
        awaitingOfficer: { type: 'boolean', description: 'The citizen wrote last.' },
        preview: { type: ['string', 'null'], description: 'The citizen’s latest message (masked); in the queue only.' },
        createdAt: { type: 'string', format: 'date-time' },
        assignedAt: { type: ['string', 'null'], format: 'date-time' },
        endedAt: { type: ['string', 'null'], format: 'date-time' },
        lastCitizenMessageAt: { type: ['string', 'null'], format: 'date-time' },
        lastOfficerMessageAt: { type: ['string', 'null'], format: 'date-time' },
        remindedAt: { type: ['string', 'null'], format: 'date-time' },
      },
    },
    TicketNote: {
      type: 'object',
      properties: { officerId: { type: 'string' }, officerName: { type: ['string', 'null'] }, text: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } },
    },
    TicketEvent: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        type: { type: 'string' },
        fromStatus: { type: ['string', 'null'] },
        toStatus: { type: 'string' },
        actor: { type: 'string', description: 'Staff id, "citizen" or "system".' },
        actorName: { type: ['string', 'null'] },
        detail: { type: ['object', 'null'] },
        createdAt: { type: 'string', format: 'date-time' },
      },
    },
  },
};
