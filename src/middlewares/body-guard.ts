import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** Deeper than any real entry (a blocks list nested ten times is about 40 levels), far below a stack overflow. */
export const MAX_BODY_DEPTH = 100;

/**
 * Keys that reach Object.prototype when a body is merged or assigned key by key. Strapi's JSON parser already
 * refuses `__proto__`; `constructor`/`prototype` got through and crashed deeper (500). No field is named so.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first problem of a parsed body, walked without recursion so that depth itself cannot overflow the stack. */
export const bodyProblem = (body: unknown): string | null => {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, depth } = item;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) return `Request body nests deeper than ${MAX_BODY_DEPTH} levels`;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `Request body contains the forbidden key "${key}"`;
    }
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
};

/** Refuses (400) a parsed request body with prototype keys or absurd nesting, before any route reads it. */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const body: unknown = ctx.request.body;
    const problem = bodyProblem(body);
    if (problem) throw new errors.ValidationError(problem, { param: 'body' });
    await next();
  };
