import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { botFrameworkChannel } from './bot/channels/botframework/botframework-channel.ts';
import { webLiveSender } from './bot/channels/web/web-live-sender.ts';
import { createMessagingChannels } from './bot/channels/messaging-channels.ts';
import { ConfigError, loadConfig, type Config } from './bot/config.ts';
import { createConsole } from './bot/console/create-console.ts';
import { OutOfScopeList } from './bot/console/out-of-scope-list.ts';
import { Engine } from './bot/engine/pipeline.ts';
import { loadCalibration } from './bot/engine/calibration-file.ts';
import { loadLanguageData } from './bot/engine/lang/language-data.ts';
import { createHandoff } from './bot/handoff/create-handoff.ts';
import { LiveHub } from './bot/handoff/live-hub.ts';
import type { SweepReport } from './bot/handoff/ticket-sweep.ts';
import { chatEventRoutes } from './bot/http/chat-events-routes.ts';
import { chatRoutes } from './bot/http/chat-routes.ts';
import { createApp } from './bot/http/create-app.ts';
import { buildOpenApi, openApiRoutes } from './bot/http/openapi.ts';
import { chatApi } from './bot/http/openapi/chat-api.ts';
import { staffTicketsApi } from './bot/http/openapi/staff-tickets-api.ts';
import { staffTicketRoutes } from './bot/http/staff-ticket-routes.ts';
import { createStaffAuth } from './bot/http/staff-auth.ts';
import { healthRoutes } from './bot/http/health-routes.ts';
import { outboxRoutes } from './bot/http/outbox-routes.ts';
import { publicCors } from './bot/http/public-cors.ts';
import { widgetRoutes } from './bot/http/widget-routes.ts';
import { createTranslator } from './bot/i18n.ts';
import { disabledAssistant } from './bot/llm/assistant.ts';
import { LangchainClient } from './bot/llm/langchain-client.ts';
import { llmSettings } from './bot/llm/llm-settings.ts';
import { ModelAssistant } from './bot/llm/model-assistant.ts';
import { CodeMixDetector } from './bot/llm/needs-understanding.ts';
import { TurnAssist } from './bot/llm/turn-assist.ts';
import { createLogger, type Logger } from './bot/logger.ts';
import type { DestinationStream } from 'pino';
import { AnswerFeedback } from './bot/runtime/answer-feedback.ts';
import { ConversationRuntime } from './bot/runtime/conversation-runtime.ts';
import { IdempotentTurns } from './bot/runtime/idempotent-turns.ts';
import { ConversationTokens } from './bot/runtime/conversation-tokens.ts';
import { ProactiveDelivery } from './bot/runtime/proactive-delivery.ts';
import { seedKnowledgeIfEmpty } from './bot/seed-knowledge.ts';
import { StaffAdmin } from './bot/staff/staff-admin.ts';
import { StaffAuthService } from './bot/staff/staff-auth-service.ts';
import { createSqliteStorage } from './bot/storage/sqlite/sqlite-storage.ts';
import { loadIntents } from './intents/load-intents.ts';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

export interface RunningServer {
  url: string;
  config: Config;
  engine: Engine;
  /** Out-of-turn messages (officer replies) to a conversation's own channel. */
  proactive: ProactiveDelivery;
  /** Runs one pass of the handoff timers now (escalation, reminders, delivery retries); tests use it with a fixed clock. */
  sweepTickets(): Promise<SweepReport>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The clock for office hours and handoff timers; tests pass a fixed one. */
  now?: () => Date;
  /** Where log lines go instead of stdout; tests read them to check what reaches the log. */
  logDestination?: DestinationStream;
}

/** Composition root: config → storage → engine → runtime → channels/http → listen. */
export async function startServer(env: NodeJS.ProcessEnv = process.env, options: ServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL, options.logDestination);
  const storage = createSqliteStorage(config.databaseFile);
  await seedKnowledgeIfEmpty(storage, path.resolve(ROOT, config.KNOWLEDGE_DIR), logger);

  const language = loadLanguageData();
  const engine = new Engine({
    topics: await storage.knowledge.listTopics(),
    intents: loadIntents(path.join(ROOT, 'intents')),
    language,
    calibration: loadCalibration(),
    thresholds: { answer: config.ANSWER_THRESHOLD, clarify: config.CLARIFY_THRESHOLD, margin: config.AMBIGUITY_MARGIN },
  });
  const translate = await createTranslator(path.join(ROOT, 'locales'));
  const staffAuthService = new StaffAuthService(storage.staff, storage.sessions, {
    sessionTtlMs: config.SESSION_TTL_HOURS * 3_600_000,
    maxFailedLogins: config.LOGIN_MAX_FAILURES,
    lockoutMs: config.LOGIN_LOCKOUT_MINUTES * 60_000,
  });
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    const admin = await staffAuthService.bootstrapAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    if (admin) logger.info({ email: admin.email }, 'first admin account created from ADMIN_EMAIL');
  }
  const staffAdmin = new StaffAdmin(storage.staff, storage.sessions, storage.audit);
  const staffAuth = createStaffAuth(staffAuthService, { onUserCreated: (actor, user) => staffAdmin.recordCreated(actor, user) });
  const outOfScope = new OutOfScopeList(storage.review);
  const llm = llmSettings(config);
  const assist = new TurnAssist({
    engine,
    assistant: llm ? new ModelAssistant(new LangchainClient(llm), llm) : disabledAssistant,
    usage: storage.llmUsage,
    embeddings: storage.embeddings,
    codeMix: new CodeMixDetector(language.locales),
    logger,
    embeddingModel: config.OPENAI_EMBEDDING_MODEL,
  });
  if (llm) logger.info({ baseUrl: llm.baseUrl || 'https://api.openai.com/v1', model: llm.chatModel, ...llm.features }, 'language-model help on');
  void assist.warmUp();
  const hub = new LiveHub();
  const proactive = new ProactiveDelivery();
  proactive.register('web', webLiveSender(hub, storage.conversations));
  const handoff = createHandoff({ storage, config, translate, logger, delivery: proactive, hub, now: options.now ?? (() => new Date()) });
  const staffConsole = await createConsole({
    storage,
    engine,
    translate,
    requireRole: staffAuth.requireRole,
    staffAdmin,
    outOfScope,
    regressionsFile: config.regressionsFile,
    distDir: path.join(ROOT, 'web', 'console', 'dist'),
    lock: handoff.lock,
  });
  const runtime = new ConversationRuntime({
    storage,
    engine,
    translate,
    logger,
    assist,
    desk: handoff.desk,
    lock: handoff.lock,
    isKnownOutOfScope: (terms) => outOfScope.matches(terms),
  });
  const messaging = createMessagingChannels({ config, storage, runtime, translate, logger, proactive });
  const botFramework = botFrameworkChannel(
    runtime,
    { appId: config.MICROSOFT_APP_ID, appPassword: config.MICROSOFT_APP_PASSWORD, appType: config.MICROSOFT_APP_TYPE, tenantId: config.MICROSOFT_APP_TENANT_ID },
    logger,
    storage.botFrameworkReferences,
  );
  proactive.register('botframework', botFramework.send);
  const openApi = buildOpenApi([chatApi, staffTicketsApi, staffConsole.openApi], packageVersion());
  const webChat = {
    turns: new IdempotentTurns(runtime, storage.turnReceipts),
    feedback: new AnswerFeedback(storage, logger),
    tokens: new ConversationTokens(storage.conversationTokens),
  };
  const publicChatCors = express.Router().use('/api/chat', publicCors(config.WIDGET_ALLOWED_ORIGINS));
  const widget = widgetRoutes({ distDir: path.join(ROOT, 'web/widget/dist'), demoDir: config.DEMO_PAGE ? path.join(ROOT, 'web/demo') : null });

  const app = createApp({
    logger,
    trustProxy: config.TRUST_PROXY,
    rateLimitPerMinute: config.RATE_LIMIT,
    raw: [...messaging.routers, ...staffConsole.raw],
    open: [
      healthRoutes({ databaseOpen: storage.isHealthy, knowledgeLoaded: () => engine.topics.length > 0 }),
      staffAuth.router,
      publicChatCors,
      widget,
      outboxRoutes({ outbox: storage.outbox, delivery: messaging.delivery, requireRole: staffAuth.requireRole, giveUpMs: config.OUTBOX_GIVE_UP_MS }),
      staffTicketRoutes({ officers: handoff.officers, tickets: storage.tickets, presence: handoff.presence, hub, requireRole: staffAuth.requireRole }),
      ...staffConsole.open,
      openApiRoutes(openApi),
    ],
    limited: [
      chatRoutes(runtime, config.MAX_MESSAGE_CHARS, webChat),
      chatEventRoutes({ hub, conversations: storage.conversations, desk: handoff.desk, tokens: webChat.tokens, streamLimit: config.LIVE_STREAM_LIMIT }),
      botFramework.router,
    ],
  });

  const server = await listen(app, config.PORT, config.HOST);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  logger.info({ port, host: config.HOST }, 'Layani is listening');
  await messaging.start();
  const stopSweep = handoff.sweep.start(config.HANDOFF_SWEEP_SECONDS * 1000);
  // Messages a channel could not take before the last stop go out as soon as their sender is back.
  const startupRetry = handoff.outbound.retryPending({ includeFresh: true }).catch((err) => logger.error({ err }, 'retrying pending deliveries failed'));

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      // End live streams (they never finish on their own), stop accepting, let in-flight requests,
      // turns, timers, sends and embedding batches finish, then close the database.
      hub.closeAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.all([closed, stopSweep(), startupRetry]);
      await Promise.all([messaging.stop(), assist.stop()]);
      storage.close();
      logger.info('stopped');
    })());
  return { url: `http://${host}:${port}`, config, engine, proactive, sweepTickets: () => handoff.sweep.run(), stop };
}

function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function listen(app: import('express').Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
    server.on('error', reject);
  });
}

async function main(): Promise<void> {
  let running: RunningServer;
  try {
    running = await startServer();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void running.stop().then(() => process.exit(0));
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}

export type { Logger };
