import { errorResponse, json, ref, type OpenApiFragment } from '../openapi.ts';

const conversationIdParam = {
  name: 'conversationId',
  in: 'path',
  required: true,
  description: 'Web: the id the widget chose; Telegram `tg:<chat id>`; WhatsApp `wa:<wa_id>`.',
  schema: { type: 'string', pattern: '^[\\w:.-]{1,128}$' },
};

const tokenHeader = {
  name: 'X-Conversation-Token',
  in: 'header',
  required: false,
  description:
    'The conversation’s token (`conversationToken`). Required on every request after the first turn; on the first turn, a client may send its own (22–128 base64url characters, at least 128 random bits) so that a retry carries the same one.',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{22,128}$' },
};

const tokenRefused = errorResponse('`conversation_token`: the token is missing or does not open this conversation; start a new chat.');

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
        parameters: [tokenHeader],
        requestBody: { required: true, content: { 'application/json': { schema: ref('ChatRequest') } } },
        responses: { 200: json(ref('TurnResult')), 400: errorResponse('Invalid body or token'), 401: tokenRefused, 429: errorResponse('Too many messages') },
      },
    },
    '/api/chat/{conversationId}/messages': {
      get: {
        tags: ['chat'],
        summary: 'The conversation’s messages, oldest first (personal data masked)',
        parameters: [conversationIdParam, tokenHeader],
        responses: {
          200: json({ type: 'object', properties: { conversationId: { type: 'string' }, messages: { type: 'array', items: ref('ChatMessage') } } }),
          401: tokenRefused,
        },
      },
    },
    '/api/chat/{conversationId}/events': {
      get: {
        tags: ['chat'],
        summary: 'Live stream (Server-Sent Events) of officer messages and handoff status',
        description:
          'Events: `message` (data: ChatMessage, SSE id = message id) for out-of-turn messages from an officer, the bot or the system; `handoff` (data: HandoffStatus) when the ticket changes. On connect the current handoff status is sent if a ticket is open. Send `Last-Event-ID` (or `?after=<id>`) to get missed messages replayed. A comment line is sent every 20 s.',
        parameters: [
          conversationIdParam,
          tokenHeader,
          { name: 'token', in: 'query', required: false, schema: { type: 'string' }, description: 'The conversation’s token, for EventSource, which cannot set headers (masked in logs).' },
          { name: 'after', in: 'query', required: false, schema: { type: 'integer' }, description: 'Replay messages after this id (same as Last-Event-ID).' },
        ],
        responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, 401: tokenRefused },
      },
    },
    '/api/chat/{conversationId}/feedback': {
      post: {
        tags: ['chat'],
        summary: 'Rate one of the bot’s answers 👍/👎',
        parameters: [conversationIdParam, tokenHeader],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['messageId', 'rating'],
                properties: { messageId: { type: 'integer' }, rating: { enum: ['up', 'down'] }, comment: { type: 'string', maxLength: 500 } },
              },
            },
          },
        },
        responses: {
          200: json({ type: 'object', properties: { messageId: { type: 'integer' }, rating: { enum: ['up', 'down'] } } }),
          400: errorResponse('Invalid body, or not an answer of the bot'),
          401: tokenRefused,
          404: errorResponse('No such message in this conversation'),
        },
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
      required: ['conversationId', 'replies', 'outcome', 'conversationToken'],
      properties: {
        conversationId: { type: 'string' },
        replies: { type: 'array', items: ref('Reply') },
        outcome: ref('Outcome'),
        ticket: ref('TicketInfo'),
        conversationToken: { type: 'string', description: 'The token that opens this conversation: send it as X-Conversation-Token from now on.' },
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
