import type { Logger } from '../lib/logger';

declare global {
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
      auth?: { userId: string; sessionId: string };
    }
  }
}

export {};
