import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import type { LlmSettings } from './llm-settings.ts';
import type { ChatPrompt, ChatReply, ModelClient } from './model-client.ts';

/**
 * Any OpenAI-compatible endpoint through LangChain: OpenAI itself, or a self-hosted vLLM,
 * llama.cpp or Ollama server given by its base URL. No retries here: a failed call goes straight
 * back to the lexical path, and the circuit breaker decides when to try again.
 */
export class LangchainClient implements ModelClient {
  readonly chatModel: string;
  readonly embeddingModel: string;
  private readonly chat: ChatOpenAI;
  private readonly embeddings: OpenAIEmbeddings;

  constructor(settings: LlmSettings) {
    const configuration = settings.baseUrl ? { baseURL: settings.baseUrl } : {};
    this.chatModel = settings.chatModel;
    this.embeddingModel = settings.embeddingModel;
    this.chat = new ChatOpenAI({
      model: settings.chatModel,
      apiKey: settings.apiKey,
      configuration,
      temperature: 0,
      timeout: settings.timeoutMs,
      maxRetries: 0,
    });
    this.embeddings = new OpenAIEmbeddings({
      model: settings.embeddingModel,
      apiKey: settings.apiKey,
      configuration,
      timeout: settings.timeoutMs,
      maxRetries: 0,
      batchSize: 256,
    });
  }

  async chatJson(prompt: ChatPrompt, signal: AbortSignal): Promise<ChatReply> {
    // JSON mode rather than a JSON schema: vLLM, llama.cpp and Ollama all honour it.
    const message = await this.chat.invoke([new SystemMessage(prompt.system), new HumanMessage(prompt.user)], {
      signal,
      response_format: { type: 'json_object' },
    });
    const content = typeof message.content === 'string' ? message.content : message.content.map((p) => ('text' in p ? p.text : '')).join('');
    return {
      content,
      inputTokens: message.usage_metadata?.input_tokens ?? null,
      outputTokens: message.usage_metadata?.output_tokens ?? null,
    };
  }

  async embed(texts: string[], signal: AbortSignal): Promise<number[][]> {
    // OpenAIEmbeddings takes no signal; the assistant's deadline bounds the wait instead.
    if (signal.aborted) throw signal.reason;
    return this.embeddings.embedDocuments(texts);
  }
}
