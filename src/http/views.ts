import { join } from 'node:path';
import type { Express } from 'express';
import nunjucks from 'nunjucks';
import { t } from '../i18n/t';
import { formatDate, formatDateTime } from './format';
import { projectRoot } from '../paths';

export const VIEWS_DIR = join(projectRoot, 'views');

/** Nunjucks with autoescaping; templates reach the message catalogue through `t`. */
export function configureViews(app: Express, options: { cache: boolean }): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(VIEWS_DIR, { noCache: !options.cache }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addGlobal('t', t);
  env.addGlobal('errorFor', (errors: { field: string; message: string }[] | undefined, field: string) =>
    (errors ?? []).find((e) => e.field === field)?.message,
  );
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  env.express(app);
  app.set('view engine', 'njk');
  app.set('views', VIEWS_DIR);
  return env;
}
