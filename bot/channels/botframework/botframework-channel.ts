import {
  ActionTypes,
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import { Router } from 'express';
import { isLocale, type Locale } from '../../domain.ts';
import type { Logger } from '../../logger.ts';
import type { ConversationRuntime } from '../../runtime/conversation-runtime.ts';
import type { Reply } from '../../runtime/types.ts';

export interface BotFrameworkSettings {
  appId: string;
  appPassword: string;
  appType: string;
  tenantId: string;
}

/**
 * The Bot Framework channel (`/api/messages`): the only module that imports botbuilder, so moving
 * to the Microsoft 365 Agents SDK replaces this folder and nothing else. Without an app id the
 * adapter runs unauthenticated for the Emulator and local tests, and then serves only local callers.
 */
export function botFrameworkRoutes(runtime: ConversationRuntime, settings: BotFrameworkSettings, logger: Logger): Router {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.tenantId,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, channel: 'botframework' }, 'bot framework turn failed');
    await context.sendActivity('Maaf, terjadi gangguan. Silakan coba lagi. / Sorry, something went wrong. Please try again.');
  };

  const router = Router();
  router.post('/api/messages', async (req, res) => {
    const body = req.body as { type?: unknown; serviceUrl?: unknown } | undefined;
    if (typeof body?.type !== 'string') {
      res.status(400).json({ error: { code: 'bad_request', message: 'Send a Bot Framework activity: a JSON object with a "type".' } });
      return;
    }
    // Without an app id nothing is authenticated, so only a local caller (the Emulator) with a local
    // serviceUrl is served: otherwise anyone could make the server post to an address of their choice.
    if (!settings.appId && !(isLoopback(req.socket.remoteAddress) && isLoopbackUrl(body.serviceUrl))) {
      res.status(403).json({
        error: { code: 'forbidden', message: 'Bot Framework is not configured: set MICROSOFT_APP_ID (and its password) to accept channel traffic.' },
      });
      return;
    }
    await adapter.process(req, res, (context) => handleActivity(context, runtime));
  });
  return router;
}

function isLoopback(address: string | undefined): boolean {
  return !!address && /^(127\.|::1$|::ffff:127\.)/.test(address);
}

function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const host = new URL(value).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || isLoopback(host);
  } catch {
    return false;
  }
}

async function handleActivity(context: TurnContext, runtime: ConversationRuntime): Promise<void> {
  const activity = context.activity;
  if (activity.type !== ActivityTypes.Message) return;
  const value = activity.value as { faqId?: unknown } | undefined;
  const choiceTopicId = typeof value?.faqId === 'string' ? value.faqId : undefined;
  const text = (activity.text ?? '').trim() || (choiceTopicId ?? '');
  if (!text) return;
  const result = await runtime.handle({
    conversationId: `bf:${activity.channelId}:${activity.conversation.id}`.slice(0, 128),
    channel: 'botframework',
    text,
    localeHint: localeOf(activity),
    choiceTopicId,
  });
  for (const reply of result.replies) await context.sendActivity(toActivity(reply, result.outcome));
}

function localeOf(activity: Activity): Locale | undefined {
  const lang = activity.locale?.slice(0, 2).toLowerCase();
  return isLocale(lang) ? lang : undefined;
}

function toActivity(reply: Reply, outcome: unknown): Partial<Activity> {
  const text = reply.sourceUrl ? `${reply.text}\n\n${reply.sourceUrl}` : reply.text;
  const actions = (reply.suggestions ?? []).map((s) =>
    s.faqId
      ? { type: ActionTypes.MessageBack, title: s.label, text: s.label, displayText: s.label, value: { faqId: s.faqId } }
      : { type: ActionTypes.ImBack, title: s.label, value: s.label },
  );
  return {
    type: ActivityTypes.Message,
    text,
    channelData: { outcome },
    ...(actions.length ? { suggestedActions: { to: [], actions } } : {}),
  };
}
