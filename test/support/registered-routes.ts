import type { Express } from 'express';

interface RouteLike {
  path: string | string[];
  methods: Record<string, boolean>;
}
interface LayerLike {
  route?: RouteLike;
  rawPath?: string | string[];
  slash?: boolean;
  handle: { stack?: LayerLike[] };
}

/**
 * Every "METHOD /path" the Express 5 router serves, found by walking `app.router.stack` and
 * the routers mounted in it (their mount path is the layer's `rawPath`). Middleware without
 * routes (static files, parsers) is not listed.
 */
export function registeredRoutes(app: Express): string[] {
  const found = new Set<string>();
  const walk = (stack: LayerLike[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = ([] as string[]).concat(layer.route.path);
        for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
          for (const path of paths) found.add(`${method.toUpperCase()} ${prefix}${path}`);
        }
      } else if (layer.handle.stack) {
        const mount = layer.slash || typeof layer.rawPath !== 'string' ? '' : layer.rawPath;
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk((app as unknown as { router: { stack: LayerLike[] } }).router.stack, '');
  return [...found].sort();
}
