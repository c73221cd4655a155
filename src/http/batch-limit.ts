import type { NextFunction, Request, Response } from 'express';

/** A batched request (a JSON array of operations) may hold at most `max` operations. */
export function batchLimit(max: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (Array.isArray(req.body) && req.body.length > max) {
      res.status(400).json({
        errors: [
          {
            message: `A batch may hold at most ${max} operations; this one holds ${req.body.length}.`,
            extensions: { code: 'BATCH_TOO_LARGE', limit: max, count: req.body.length },
          },
        ],
      });
      return;
    }
    next();
  };
}
