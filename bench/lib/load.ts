import autocannon from 'autocannon';
import { BEHIND_PROXY } from './processes';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Gives each request its own path and body, e.g. a distinct case per event. */
  next?: () => { path: string; body?: string };
}

/** Drives `url` with autocannon from this process and sums up latency and throughput. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const { next } = options;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? 'GET',
    headers: { ...BEHIND_PROXY, ...(options.body || next ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.body,
    ...(next
      ? {
          requests: [
            {
              setupRequest: (request: autocannon.Request) => {
                const { path, body } = next();
                return { ...request, path, ...(body ? { body } : {}) };
              },
            },
          ],
        }
      : {}),
  });
  // autocannon reports p97.5 and p99 but no p95: p95 comes from its histogram buckets.
  const latency = result.latency as unknown as Record<string, number>;
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / options.seconds,
    p50: latency.p50 ?? NaN,
    p95: latency.p97_5 !== undefined && latency.p90 !== undefined ? interpolateP95(latency.p90, latency.p97_5) : NaN,
    p99: latency.p99 ?? NaN,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** p95 between autocannon's p90 and p97.5, assuming latency grows linearly in between (an upper bound when it grows faster). */
function interpolateP95(p90: number, p975: number): number {
  return p90 + ((95 - 90) / (97.5 - 90)) * (p975 - p90);
}
