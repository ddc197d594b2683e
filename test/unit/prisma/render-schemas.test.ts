import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAll } from '../../../prisma/render-schemas';

describe('rendered Prisma schemas', () => {
  it('when models.prisma changes, then both committed schemas have been re-rendered from it', () => {
    for (const [path, text] of renderAll(join(__dirname, '..', '..', '..'))) {
      expect(readFileSync(path, 'utf8')).toBe(text);
    }
  });
});
