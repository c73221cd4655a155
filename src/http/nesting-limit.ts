import type { NextFunction, Request, Response } from 'express';

/**
 * The deepest nesting of arrays and objects a request's JSON may have. No input type of the schema nests
 * deeper than a few levels; a body nested thousands deep made the libraries that walk variables
 * recursively overflow the stack, answered as 500.
 */
const MAX_JSON_NESTING = 32;

/** How deep JSON text nests, read without parsing it (strings skipped), stopping once past `limit`. */
function jsonTextDepth(text: string, limit = MAX_JSON_NESTING): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return deepest;
}

/** How deep a parsed value nests, walked without recursion, stopping once past `limit`. */
function valueDepth(value: unknown, limit = MAX_JSON_NESTING): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > deepest && (deepest = depth + 1) > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Refuses, as 400 BAD_USER_INPUT, a body or GET `variables` / `extensions` nested past MAX_JSON_NESTING. */
export function nestingLimit(max = MAX_JSON_NESTING) {
  return (req: Request, res: Response, next: NextFunction) => {
    const fromQuery = ['variables', 'extensions'].map((name) => req.query[name]).filter((v): v is string => typeof v === 'string');
    const depth = Math.max(valueDepth(req.body, max + 2), ...fromQuery.map((text) => jsonTextDepth(text, max)));
    // A body's own envelope ({ "variables": { … } }, or a batch's array around it) is not the client's nesting.
    const envelope = Array.isArray(req.body) ? 2 : req.body && typeof req.body === 'object' ? 1 : 0;
    if (Math.max(depth - envelope, 0) > max) {
      res.status(400).json({
        errors: [
          {
            message: `variables: nest at most ${max} levels of lists and objects.`,
            extensions: { code: 'BAD_USER_INPUT', field: 'variables', limit: max },
          },
        ],
      });
      return;
    }
    next();
  };
}
