/**
 * Per-user rate limit: at most `limit` questions in any sliding minute. Memory stays bounded:
 * users idle for a minute are forgotten, and at most `maxUsers` are tracked at once.
 */
export interface RateLimiter {
  /** Records a question by `user`; false when over the limit (the question is not counted). */
  take(user: string, now?: number): boolean;
  /** Seconds until `user` may ask again (0 when allowed now). */
  retryAfter(user: string, now?: number): number;
}

const WINDOW_MS = 60_000;

export function createRateLimiter(limit: number, maxUsers = 10_000): RateLimiter {
  const seen = new Map<string, number[]>();
  const recent = (user: string, now: number): number[] => {
    const times = (seen.get(user) ?? []).filter((t) => now - t < WINDOW_MS);
    if (times.length > 0) seen.set(user, times);
    else seen.delete(user);
    return times;
  };
  return {
    take(user, now = Date.now()) {
      if (limit <= 0) return true;
      const times = recent(user, now);
      if (times.length >= limit) return false;
      if (!seen.has(user) && seen.size >= maxUsers) {
        const oldest = seen.keys().next().value;
        if (oldest !== undefined) seen.delete(oldest);
      }
      seen.delete(user); // re-insert: Map order is least recently active first
      seen.set(user, [...times, now]);
      return true;
    },
    retryAfter(user, now = Date.now()) {
      if (limit <= 0) return 0;
      const times = recent(user, now);
      if (times.length < limit) return 0;
      return Math.max(1, Math.ceil(((times[0] ?? now) + WINDOW_MS - now) / 1000));
    },
  };
}

/** The polite reply to a user over the limit. */
export function rateLimitMessage(seconds: number, language: 'en' | 'es' = 'en'): string {
  return language === 'es'
    ? `Estás preguntando muy rápido. Inténtalo de nuevo en ${seconds} s.`
    : `You're asking faster than I can keep up with. Please try again in ${seconds} s.`;
}
