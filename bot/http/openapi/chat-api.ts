import { errorResponse, json, ref, type OpenApiFragment } from '../openapi.ts';

const conversationIdParam = {
  name: 'conversationId',
  in: 'path',
  required: true,
  description: 'Web: the id the widget chose; Telegram `tg:<chat id>`; WhatsApp `wa:<wa_id>`.',
  schema: { type: 'string', pattern: '^[\\w:.-]{1,128}$' },
};

/** The public chat API: a turn, the history, and the widget's live stream. */
export const chatApi: OpenApiFragment = {
  tags: [{ name: 'chat', description: 'The citizen-facing chat API used by the web widget and integrations.' }],
  paths: {
    '/api/chat': {
      post: {
        tags: ['chat'],
        summary: 'Send one citizen message and get the bot’s replies',
        description:
          'While an officer owns the conversation the bot stays silent: `outcome.action` is `relay`, and `replies` is empty (or one short acknowledgement while no officer has picked the ticket up). A turn that starts a handoff has `outcome.action: "handoff"` and a `ticket`.',
        requestBody: { required: true, content: { 'application/json': { schema: ref('ChatRequest') } } },
        responses: { 200: json(ref('TurnResult')), 400: errorResponse('Invalid body'), 429: errorResponse('Too many messages') },
      },
    },
    '/api/chat/{conversationId}/messages': {
      get: {
        tags: ['chat'],
        summary: 'The conversation’s messages, oldest first (personal data masked)',
        parameters: [conversationIdParam],
        responses: { 200: json({ type: 'object', properties: { conversationId: { type: 'string' }, messages: { type: 'array', items: ref('ChatMessage') } } }) },
      },
    },
    '/api/chat/{conversationId}/events': {
      get: {
        tags: ['chat'],
        summary: 'Live stream (Server-Sent Events) of officer messages and handoff status',
        description:
          'Events: `message` (data: ChatMessage, SSE id = message id) for out-of-turn messages from an officer, the bot or the system; `handoff` (data: HandoffStatus) when the ticket changes. On connect the current handoff status is sent if a ticket is open. Send `Last-Event-ID` (or `?after=<id>`) to get missed messages replayed. A comment line is sent every 20 s.',
        parameters: [conversationIdParam, { name: 'after', in: 'query', required: false, schema: { type: 'integer' }, description: 'Replay messages after this id (same as Last-Event-ID).' }],
        responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
      },
    },
  },
  schemas: {
    ChatRequest: {
      type: 'object',
      required: ['conversationId', 'text'],
      properties: {
        conversationId: { type: 'string', pattern: '^[\\w:.-]{1,128}$' },
        text: { type: 'string', minLength: 1, maxLength: 10000, description: 'At most MAX_MESSAGE_CHARS characters.' },
        locale: { enum: ['id', 'en', 'jv', 'su'] },
        faqId: { type: 'string', description: 'The topic id of a tapped suggestion.' },
        action: { enum: ['officer', 'back-to-bot'], description: 'A tapped action button.' },
      },
    },
    Suggestion: {
      type: 'object',
      required: ['label'],
      properties: { label: { type: 'string' }, faqId: { type: 'string' }, action: { enum: ['officer', 'back-to-bot'] } },
    },
    Reply: {
      type: 'object',
      required: ['text'],
      properties: { text: { type: 'string' }, suggestions: { type: 'array', items: ref('Suggestion') }, sourceUrl: { type: 'string', format: 'uri' } },
    },
    Outcome: {
      type: 'object',
      required: ['action', 'faqId', 'intent', 'confidence', 'locale'],
      properties: {
        action: { enum: ['answer', 'clarify', 'fallback', 'handoff', 'smalltalk', 'relay', 'ticket'] },
        faqId: { type: ['string', 'null'] },
        intent: { type: 'string', description: 'faq, out-of-scope, handoff, complaint, ticket-status, back-to-bot, relay, satisfaction-rating, or a smalltalk intent.' },
        confidence: { type: 'number', minimum: 0, maximum: 1 },
        locale: { enum: ['id', 'en', 'jv', 'su'] },
        candidates: { type: 'array', items: { type: 'object', properties: { faqId: { type: 'string' }, score: { type: 'number' } } } },
      },
    },
    TicketInfo: {
      type: 'object',
      required: ['number', 'status', 'officersOnline'],
      properties: {
        number: { type: 'string', pattern: '^LYN-[2-9A-HJKMNP-Z]{5}$', examples: ['LYN-7K2Q9'] },
        status: { enum: ['waiting', 'assigned', 'resolved', 'closed'] },
        queuePosition: { type: 'integer', minimum: 1, description: 'Only while waiting.' },
        officersOnline: { type: 'boolean' },
        nextOpening: { type: 'string', format: 'date-time', description: 'Only outside office hours: when officers are next on duty.' },
      },
    },
    TurnResult: {
      type: 'object',
      required: ['conversationId', 'replies', 'outcome'],
      properties: {
        conversationId: { type: 'string' },
        replies: { type: 'array', items: ref('Reply') },
        outcome: ref('Outcome'),
        ticket: ref('TicketInfo'),
      },
    },
    ChatMessage: {
      type: 'object',
      required: ['id', 'author', 'text', 'createdAt'],
      properties: {
        id: { type: 'integer' },
        author: { enum: ['citizen', 'bot', 'officer', 'system'] },
        text: { type: 'string' },
        suggestions: { type: 'array', items: ref('Suggestion') },
        createdAt: { type: 'string', format: 'date-time' },
        officerName: { type: 'string', description: 'On live officer messages: the officer’s display name.' },
      },
    },
    HandoffStatus: {
      type: 'object',
      required: ['status', 'ticketNumber'],
      properties: { status: { enum: ['waiting', 'assigned', 'resolved', 'closed'] }, ticketNumber: { type: 'string' }, officerName: { type: 'string' } },
    },
  },
};
