// Gorgias's rate limit: a leaky bucket per account (OAuth apps: 80 requests per 20 s). Each request
// adds one drop; the bucket leaks `requests / windowMs` drops per millisecond. Time comes from the
// injected clock so tests can freeze it.

export interface RateDecision {
  allowed: boolean;
  /** Drops in the bucket after this request, rounded up, as in `X-Gorgias-Account-Api-Call-Limit: used/limit`. */
  used: number;
  limit: number;
  /** Seconds to wait before the next request fits (0 when it already does). */
  retryAfterSeconds: number;
}

export class LeakyBucketLimiter {
  readonly #buckets = new Map<string, { level: number; at: number }>();
  readonly #limit: number;
  readonly #leakPerMs: number;

  constructor(limit: number, windowMs: number) {
    this.#limit = Math.max(1, Math.floor(limit));
    this.#leakPerMs = this.#limit / Math.max(1, windowMs);
  }

  take(key: string, now: number): RateDecision {
    const bucket = this.#buckets.get(key) ?? { level: 0, at: now };
    bucket.level = Math.max(0, bucket.level - Math.max(0, now - bucket.at) * this.#leakPerMs);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    const fits = bucket.level + 1 <= this.#limit + 1e-9;
    if (fits) bucket.level += 1;
    const used = Math.min(this.#limit, Math.ceil(bucket.level - 1e-9));
    const overflow = bucket.level + 1 - this.#limit;
    const retryAfterSeconds = overflow > 1e-9 ? Math.max(1, Math.ceil(overflow / this.#leakPerMs / 1000)) : 0;
    return { allowed: fits, used, limit: this.#limit, retryAfterSeconds };
  }

  headers(decision: RateDecision): Record<string, string> {
    return {
      'X-Gorgias-Account-Api-Call-Limit': `${decision.used}/${decision.limit}`,
      'Retry-after': String(decision.retryAfterSeconds),
    };
  }
}
