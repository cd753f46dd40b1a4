import type { z } from 'zod';
import { badRequest } from './app-error.ts';

/** Zod issues as the API's 400 details: one {field, message} per problem. */
export function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', message: i.message }));
}

/** Validates request input, or answers 400 naming every bad field and what it must be. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw badRequest(issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
  }
  return parsed.data;
}
